-- ==========================================================================
-- АИС "Архив", сервер arch01 (Solaris 8, Oracle 8i)
-- Выгрузка карточек документов в текстовый файл для обмена с областными архивами.
-- Запуск: sqlplus -s archive/***@ARCH @export_cards.sql 01.01.2003 31.12.2003
-- Кодировка файла и сессии: KOI8-R (NLS_LANG=RUSSIAN_CIS.CL8KOI8R)
-- Автор: Козлов В.П., 2003
-- ==========================================================================
SET PAGESIZE 0
SET LINESIZE 2000
SET FEEDBACK OFF
SET HEADING OFF
SET TRIMSPOOL ON
SET VERIFY OFF

SPOOL /u01/exchange/cards_&1._&2..txt

-- Справочник видов документов (коды совпадают с АИС "Архив" для Windows)
SELECT '#ВИДЫ|' || kind_code || '|' || kind_name
  FROM doc_kinds
 ORDER BY kind_code;

-- Сами карточки: номер|рег. номер|дата|вид|заголовок|корреспондент|листов|место хранения
SELECT c.card_no
       || '|' || c.reg_number
       || '|' || TO_CHAR(c.reg_date, 'DD.MM.YYYY')
       || '|' || c.doc_kind
       || '|' || TRANSLATE(c.title, '|' || CHR(10), '/ ')
       || '|' || TRANSLATE(c.correspondent, '|' || CHR(10), '/ ')
       || '|' || c.page_count
       || '|' || c.fond || '-' || c.opis || '-' || c.delo
  FROM doc_cards c
 WHERE c.reg_date BETWEEN TO_DATE('&1', 'DD.MM.YYYY') AND TO_DATE('&2', 'DD.MM.YYYY')
   AND c.deleted = 0   -- удалённые карточки не выгружаем
 ORDER BY c.reg_date, c.card_no;

SPOOL OFF
EXIT
