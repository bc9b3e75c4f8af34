{ ============================================================================
  АИС "Архив" — модуль выгрузки документов
  Выгрузка документов и карточек учёта в обменный файл для передачи
  в центральный архив министерства.

  Автор:    Петров С.А., отдел автоматизации
  Создан:   14.03.2006
  Изменён:  02.11.2011 — добавлена выгрузка вложений (сканов)
  Изменён:  14.05.2025 — даты в формате ГГГГ-ММ-ДД для импорта в новую
            систему (document-archive), Петров С.А.
  Кодировка файла: windows-1251 (Delphi 7)
  ============================================================================ }
unit ArchiveExport;

interface

uses
  SysUtils, Classes, DB, IBDatabase, IBQuery, ArchiveTypes;

type
  TExportProgress = procedure(Sender: TObject; Done, Total: Integer) of object;

  TArchiveExporter = class
  private
    FDatabase: TIBDatabase;
    FQuery: TIBQuery;
    FOutput: TStringList;
    FOnProgress: TExportProgress;
    FErrors: TStringList;
    function FormatCard(const Card: TDocumentCard): string;
    function EscapeField(const Value: string): string;
  public
    constructor Create(ADatabase: TIBDatabase);
    destructor Destroy; override;
    { Выгрузка всех карточек за период в файл AFileName. Возвращает число выгруженных. }
    function ExportPeriod(DateFrom, DateTo: TDateTime; const AFileName: string): Integer;
    property Errors: TStringList read FErrors;
    property OnProgress: TExportProgress read FOnProgress write FOnProgress;
  end;

const
  // Разделитель полей в обменном файле (согласовано с ЦА, письмо №12-04/317)
  FIELD_SEPARATOR = '|';
  EXPORT_HEADER = 'АИС Архив: обменный файл, версия 4';

implementation

resourcestring
  SExportStarted  = 'Выгрузка документов за период с %s по %s';
  SExportFinished = 'Выгрузка документов завершена. Выгружено карточек: %d';
  SCardError      = 'Ошибка при выгрузке карточки №%d: %s';
  SNoDatabase     = 'Не задано подключение к базе данных архива';

constructor TArchiveExporter.Create(ADatabase: TIBDatabase);
begin
  inherited Create;
  if ADatabase = nil then
    raise Exception.Create(SNoDatabase);
  FDatabase := ADatabase;
  FQuery := TIBQuery.Create(nil);
  FQuery.Database := FDatabase;
  FOutput := TStringList.Create;
  FErrors := TStringList.Create;
end;

destructor TArchiveExporter.Destroy;
begin
  FErrors.Free;
  FOutput.Free;
  FQuery.Free;
  inherited;
end;

function TArchiveExporter.EscapeField(const Value: string): string;
begin
  // Символ разделителя внутри текста заменяем на "/", переводы строк — на пробел
  Result := StringReplace(Value, FIELD_SEPARATOR, '/', [rfReplaceAll]);
  Result := StringReplace(Result, #13#10, ' ', [rfReplaceAll]);
  Result := StringReplace(Result, #10, ' ', [rfReplaceAll]);
end;

function TArchiveExporter.FormatCard(const Card: TDocumentCard): string;
begin
  Result := IntToStr(Card.CardNo) + FIELD_SEPARATOR +
    EscapeField(Card.RegNumber) + FIELD_SEPARATOR +
    // Дата в формате ISO 8601: новая система не разбирает дд.мм.гггг
    FormatDateTime('yyyy"-"mm"-"dd', Card.RegDate) + FIELD_SEPARATOR +
    DocKindNames[Card.Kind] + FIELD_SEPARATOR +
    EscapeField(Card.Title) + FIELD_SEPARATOR +
    EscapeField(Card.Correspondent) + FIELD_SEPARATOR +
    IntToStr(Card.PageCount) + FIELD_SEPARATOR +
    EscapeField(Card.StoragePlace);
end;

function TArchiveExporter.ExportPeriod(DateFrom, DateTo: TDateTime;
  const AFileName: string): Integer;
var
  Card: TDocumentCard;
  Total: Integer;
begin
  Result := 0;
  FOutput.Clear;
  FErrors.Clear;
  FOutput.Add(EXPORT_HEADER);
  FOutput.Add(Format(SExportStarted, [DateToStr(DateFrom), DateToStr(DateTo)]));

  FQuery.SQL.Text :=
    'SELECT CARD_NO, REG_NUMBER, REG_DATE, DOC_KIND, TITLE, CORRESPONDENT, ' +
    '       PAGE_COUNT, STORAGE_PLACE ' +
    '  FROM DOC_CARDS ' +
    ' WHERE REG_DATE BETWEEN :DFROM AND :DTO AND DELETED = 0 ' +
    ' ORDER BY REG_DATE, CARD_NO';
  FQuery.ParamByName('DFROM').AsDateTime := DateFrom;
  FQuery.ParamByName('DTO').AsDateTime := DateTo;
  FQuery.Open;
  try
    FQuery.Last;
    Total := FQuery.RecordCount;
    FQuery.First;
    while not FQuery.Eof do
    begin
      try
        Card := ReadCard(FQuery);
        FOutput.Add(FormatCard(Card));
        Inc(Result);
      except
        on E: Exception do
          FErrors.Add(Format(SCardError, [FQuery.FieldByName('CARD_NO').AsInteger, E.Message]));
      end;
      if Assigned(FOnProgress) then
        FOnProgress(Self, Result, Total);
      FQuery.Next;
    end;
  finally
    FQuery.Close;
  end;

  FOutput.Add(Format(SExportFinished, [Result]));
  // Файл пишем в кодировке windows-1251, как того требует приёмный модуль ЦА
  FOutput.SaveToFile(AFileName);
end;

end.
