using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OneStop.Platform.Mail;

/// <summary>
/// Development only: the messages in the pickup folder, newest first, so that a newcomer can follow
/// confirmation and reset links without a mail server. Anywhere else it answers 404.
/// </summary>
public sealed class MailboxModel(IOptions<MailOptions> options, IWebHostEnvironment environment) : PageModel
{
    public sealed record Message(string Name, string To, string Subject, DateTimeOffset Date, string Body);

    public IReadOnlyList<Message> Messages { get; private set; } = [];
    public Message? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() || options.Value.Delivery != MailDelivery.PickupFolder) return NotFound();
        var folder = new DirectoryInfo(options.Value.PickupFolder);
        var files = folder.Exists ? folder.GetFiles("*.eml").OrderByDescending(f => f.Name).Take(50).ToArray() : [];
        if (name is not null)
        {
            // Only names the folder listing produced: never a path from the request.
            var file = files.FirstOrDefault(f => f.Name == name);
            if (file is null) return NotFound();
            Open = await ReadAsync(file, cancellationToken);
            return Page();
        }
        var messages = new List<Message>();
        foreach (var file in files) messages.Add(await ReadAsync(file, cancellationToken));
        Messages = messages;
        return Page();
    }

    private static async Task<Message> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        using var message = await MimeMessage.LoadAsync(file.FullName, cancellationToken);
        return new Message(file.Name, message.To.ToString(), message.Subject ?? "", message.Date, message.TextBody ?? "");
    }
}
