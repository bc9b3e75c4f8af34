{ АИС "Архив" — общие типы. Кодировка: windows-1251 }
unit ArchiveTypes;

interface

uses
  SysUtils, DB;

type
  { Вид документа по номенклатуре дел }
  TDocKind = (dkIncoming, dkOutgoing, dkInternal, dkOrder, dkContract, dkAppeal);

  { Карточка учёта документа }
  TDocumentCard = record
    CardNo: Integer;          // номер карточки
    RegNumber: string;        // регистрационный номер, например "12-04/317"
    RegDate: TDateTime;       // дата регистрации
    Kind: TDocKind;
    Title: string;            // заголовок (краткое содержание)
    Correspondent: string;    // корреспондент: от кого / кому
    PageCount: Integer;       // количество листов
    StoragePlace: string;     // место хранения: фонд, опись, дело
  end;

const
  DocKindNames: array[TDocKind] of string = (
    'Входящий', 'Исходящий', 'Внутренний', 'Приказ', 'Договор', 'Обращение гражданина');

function ReadCard(DataSet: TDataSet): TDocumentCard;
function DocKindFromCode(Code: Integer): TDocKind;

implementation

function DocKindFromCode(Code: Integer): TDocKind;
begin
  if (Code < Ord(Low(TDocKind))) or (Code > Ord(High(TDocKind))) then
    raise EConvertError.CreateFmt('Неизвестный вид документа: %d', [Code]);
  Result := TDocKind(Code);
end;

function ReadCard(DataSet: TDataSet): TDocumentCard;
begin
  Result.CardNo := DataSet.FieldByName('CARD_NO').AsInteger;
  Result.RegNumber := Trim(DataSet.FieldByName('REG_NUMBER').AsString);
  Result.RegDate := DataSet.FieldByName('REG_DATE').AsDateTime;
  Result.Kind := DocKindFromCode(DataSet.FieldByName('DOC_KIND').AsInteger);
  Result.Title := Trim(DataSet.FieldByName('TITLE').AsString);
  Result.Correspondent := Trim(DataSet.FieldByName('CORRESPONDENT').AsString);
  Result.PageCount := DataSet.FieldByName('PAGE_COUNT').AsInteger;
  Result.StoragePlace := Trim(DataSet.FieldByName('STORAGE_PLACE').AsString);
  if Result.RegNumber = '' then
    raise EConvertError.Create('Пустой регистрационный номер');
end;

end.
