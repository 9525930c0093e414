namespace OneStop.Documents.Pickup;

/// <summary>The pages of choosing how to receive a document and of booking a counter (under <see cref="DocumentPaths.Collect"/>).</summary>
public static class PickupPaths
{
    public static string Saved(Guid id) => DocumentPaths.Collect(id) + "?saved=true";
    public static string Post(Guid id) => DocumentPaths.Collect(id) + "/post";
    public static string Counter(Guid id) => DocumentPaths.Collect(id) + "/counter";
    public static string Day(Guid id, string counter) => $"{Counter(id)}/{counter}";
    public static string Time(Guid id, string counter, DateOnly day) => $"{Day(id, counter)}/{day:yyyy-MM-dd}";
    public static string Confirm(Guid id, string counter, DateOnly day, TimeOnly time) => $"{Time(id, counter, day)}/{time:HHmm}";
    public static string Cancel(string code) => DocumentPaths.Appointment(code) + "/cancel";
}
