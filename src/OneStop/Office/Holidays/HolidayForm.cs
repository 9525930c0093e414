using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Cases.Calendar;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Holidays;

/// <summary>
/// What adding and changing a holiday share: the date typed in three boxes and the name in three languages,
/// checked (a real date, every name given, no second holiday on that day) before anything is saved.
/// </summary>
public abstract class HolidayForm(Text text) : FormPageModel
{
    protected Text T => text;

    [BindProperty] public string? DateDay { get; set; }
    [BindProperty] public string? DateMonth { get; set; }
    [BindProperty] public string? DateYear { get; set; }
    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameZhHk { get; set; }
    [BindProperty] public string? NameZhCn { get; set; }

    protected void Show(PublicHoliday holiday)
    {
        (DateDay, DateMonth, DateYear) = (holiday.Date.Day.ToString(CultureInfo.InvariantCulture), holiday.Date.Month.ToString(CultureInfo.InvariantCulture),
            holiday.Date.Year.ToString(CultureInfo.InvariantCulture));
        (NameEn, NameZhHk, NameZhCn) = (holiday.Name.En, holiday.Name.ZhHk, holiday.Name.ZhCn);
    }

    /// <summary>The date and name typed, or null with the errors added. <paramref name="taken"/> says whether another holiday has the date.</summary>
    protected async Task<(DateOnly Date, LocalisedText Name)?> ReadAsync(Func<DateOnly, Task<bool>> taken)
    {
        var date = ParseDate();
        if (date is null) AddError("Date", T["office.holidays.error.date"]);
        else if (await taken(date.Value)) AddError("Date", T["office.holidays.error.taken", Dates(date.Value)]);
        if (string.IsNullOrWhiteSpace(NameEn)) AddError(nameof(NameEn), T["office.holidays.error.name." + nameof(NameEn)]);
        if (string.IsNullOrWhiteSpace(NameZhHk)) AddError(nameof(NameZhHk), T["office.holidays.error.name." + nameof(NameZhHk)]);
        if (string.IsNullOrWhiteSpace(NameZhCn)) AddError(nameof(NameZhCn), T["office.holidays.error.name." + nameof(NameZhCn)]);
        if (HasErrors) return null;
        return (date!.Value, new LocalisedText(NameEn!.Trim(), NameZhHk!.Trim(), NameZhCn!.Trim()));
    }

    private DateOnly? ParseDate()
    {
        static int? Number(string? s) => int.TryParse(s?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (Number(DateDay) is not { } d || Number(DateMonth) is not { } m || Number(DateYear) is not { } y) return null;
        // Years the calendar is about: a typing slip like 226 or 20226 is not a holiday anyone means.
        if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, d);
    }

    public static string Dates(DateOnly date) => OneStop.Forms.Answers.Dates.Long(date, Languages.Current);
}
