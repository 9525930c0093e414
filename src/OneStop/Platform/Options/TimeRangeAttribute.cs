using OneStop.Platform.Options;
using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace OneStop.Platform.Options;

/// <summary>
/// A TimeSpan setting between two limits, e.g. <c>[TimeRange("00:01:00", "1.00:00:00")]</c>. Used instead of
/// <c>[TimeRange(…)]</c>, whose lazy set-up is not thread-safe: two hosts validating their
/// options at the same moment (tests, several apps in one process) could fail with an InvalidCastException.
/// The limits are parsed once, here.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeRangeAttribute(string minimum, string maximum) : ValidationAttribute("The field {0} must be between {1} and {2}.")
{
    public TimeSpan Minimum { get; } = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
    public TimeSpan Maximum { get; } = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);

    public override bool IsValid(object? value) => value is not TimeSpan time || (time >= Minimum && time <= Maximum);

    public override string FormatErrorMessage(string name) =>
        string.Format(CultureInfo.InvariantCulture, ErrorMessageString, name, Minimum, Maximum);
}
