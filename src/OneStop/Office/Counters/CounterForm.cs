using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using OneStop.Documents;
using OneStop.Documents.Counters;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web.Forms;

namespace OneStop.Office.Counters;

/// <summary>What a counter says once checked: names and addresses in three languages, opening hours as stored JSON, slots.</summary>
public sealed record CounterChanges(LocalisedText Name, LocalisedText Address, string OpeningHours, int SlotMinutes, int SlotCapacity, bool Active);

/// <summary>
/// The fields adding and changing a counter share, and their checks. Opening hours are typed as up to two
/// periods a weekday (<c>09:00-13:00</c>), each read by <see cref="OpeningHours.ParsePeriod"/>; the second must
/// start after the first ends. A slot lasts 10 to 120 minutes and takes 1 to 50 people.
/// </summary>
public abstract class CounterForm(Text text) : FormPageModel
{
    public const int MinSlotMinutes = 10, MaxSlotMinutes = 120, MinCapacity = 1, MaxCapacity = 50;
    private const int NameMaxLength = 200, AddressMaxLength = 500;

    protected Text T => text;

    [BindProperty] public string? NameEn { get; set; }
    [BindProperty] public string? NameZhHk { get; set; }
    [BindProperty] public string? NameZhCn { get; set; }
    [BindProperty] public string? AddressEn { get; set; }
    [BindProperty] public string? AddressZhHk { get; set; }
    [BindProperty] public string? AddressZhCn { get; set; }
    [BindProperty] public string? SlotMinutes { get; set; }
    [BindProperty] public string? SlotCapacity { get; set; }
    /// <summary>Read from the form by hand: an unticked box sends nothing, which binding would take as "keep the default".</summary>
    public bool Active { get; set; } = true;

    /// <summary>What each period field holds, by its name (<see cref="HoursField"/>): as stored, or as typed after an error.</summary>
    public Dictionary<string, string?> Hours { get; } = [];

    /// <summary>The name and id of one period's input: <c>hours-mon-1</c>.</summary>
    public static string HoursField(string day, int period) => $"hours-{day}-{period}";

    protected void Show(Counter counter)
    {
        (NameEn, NameZhHk, NameZhCn) = (counter.Name.En, counter.Name.ZhHk, counter.Name.ZhCn);
        (AddressEn, AddressZhHk, AddressZhCn) = (counter.Address.En, counter.Address.ZhHk, counter.Address.ZhCn);
        SlotMinutes = counter.SlotMinutes.ToString(CultureInfo.InvariantCulture);
        SlotCapacity = counter.SlotCapacity.ToString(CultureInfo.InvariantCulture);
        Active = counter.Active;
        var hours = OpeningHours.Parse(counter.OpeningHours, out _);
        foreach (var day in OpeningHours.DayKeys)
        {
            var periods = hours?.On(OpeningHours.DayOf(day)) ?? [];
            for (var i = 0; i < periods.Count && i < 2; i++)
                Hours[HoursField(day, i + 1)] = $"{periods[i].From:HH\\:mm}-{periods[i].To:HH\\:mm}";
        }
    }

    /// <summary>The counter as typed, or null with each problem added to the page's errors.</summary>
    protected CounterChanges? Read()
    {
        var name = Words("Name", "name", NameEn, NameZhHk, NameZhCn, NameMaxLength);
        var address = Words("Address", "address", AddressEn, AddressZhHk, AddressZhCn, AddressMaxLength);
        Active = Request.Form[nameof(Active)] == "true";
        var hours = ReadHours();
        var minutes = Whole(SlotMinutes, MinSlotMinutes, MaxSlotMinutes);
        if (minutes is null) AddError(nameof(SlotMinutes), T["desk.counter.error.slotMinutes", MinSlotMinutes, MaxSlotMinutes]);
        var capacity = Whole(SlotCapacity, MinCapacity, MaxCapacity);
        if (capacity is null) AddError(nameof(SlotCapacity), T["desk.counter.error.slotCapacity", MinCapacity, MaxCapacity]);
        return HasErrors ? null : new CounterChanges(name, address, hours!, minutes!.Value, capacity!.Value, Active);
    }

    /// <summary>Each weekday's periods as typed, checked one by one and then as a day; the stored JSON when all are right.</summary>
    private string? ReadHours()
    {
        var days = new Dictionary<string, string[]>();
        foreach (var day in OpeningHours.DayKeys)
        {
            var periods = new List<(string Field, OpenPeriod Period)>();
            for (var i = 1; i <= 2; i++)
            {
                var field = HoursField(day, i);
                // An en dash is what people copy from printed opening hours; a scanner of our own pages never sends one.
                var typed = Request.Form[field].ToString().Trim().Replace('–', '-');
                Hours[field] = typed;
                if (typed.Length == 0) continue;
                if (OpeningHours.ParsePeriod(typed) is { } period) periods.Add((field, period));
                else AddError(field, T["desk.counter.error.period", T["desk.weekday." + day], T["desk.counter.period." + i]]);
            }
            if (periods.Count == 2 && periods[1].Period.From < periods[0].Period.To)
                AddError(periods[1].Field, T["desk.counter.error.order", T["desk.weekday." + day]]);
            if (periods.Count > 0)
                days[day] = periods.Select(p => $"{p.Period.From:HH\\:mm}-{p.Period.To:HH\\:mm}").ToArray();
        }
        if (HasErrors) return null;
        // Through the parser once more, so what is stored is exactly what the slot rules read.
        return OpeningHours.Parse(JsonSerializer.Serialize(days), out _)?.ToJson();
    }

    private static int? Whole(string? typed, int min, int max) =>
        int.TryParse(typed?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;

    private LocalisedText Words(string field, string name, string? en, string? zhHk, string? zhCn, int maxLength)
    {
        foreach (var (suffix, value) in new[] { ("En", en), ("ZhHk", zhHk), ("ZhCn", zhCn) })
        {
            if (string.IsNullOrWhiteSpace(value))
                AddError(field + suffix, T["desk.counter.error.missing", T["desk.counter.field." + name], T["office.forms.language." + suffix]]);
            else if (value.Trim().Length > maxLength)
                AddError(field + suffix, T["desk.counter.error.tooLong", T["desk.counter.field." + name], T["office.forms.language." + suffix], maxLength]);
        }
        return new LocalisedText(en?.Trim() ?? "", zhHk?.Trim() ?? "", zhCn?.Trim() ?? "");
    }

    protected static void Apply(Counter counter, CounterChanges changes, DateTime now)
    {
        (counter.Name, counter.Address, counter.OpeningHours) = (changes.Name, changes.Address, changes.OpeningHours);
        (counter.SlotMinutes, counter.SlotCapacity, counter.Active) = (changes.SlotMinutes, changes.SlotCapacity, changes.Active);
        counter.UpdatedAt = now;
    }

    /// <summary>What the audit entry says of the counter after the change (no personal data in it).</summary>
    protected static string Detail(string what, Counter counter) =>
        $"{what};slot={counter.SlotMinutes};capacity={counter.SlotCapacity};active={(counter.Active ? "yes" : "no")};hours={counter.OpeningHours}";
}
