using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;

namespace OneStop.Documents.Signing;

/// <summary><c>documents rotate-key DEPT</c>: retires a department's generated signing key and makes a new one.</summary>
public static class DocumentsCommands
{
    public const string Usage = """
        documents rotate-key DEPT
                                 retire the department's generated document-signing key and make a new
                                 one; prints the new certificate's SHA-256 thumbprint. Documents signed
                                 before keep verifying
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] words, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (words is not ["rotate-key", { Length: > 0 } department])
        {
            await error.WriteLineAsync("Usage:\n" + Usage);
            return 2;
        }
        var code = department.Trim().ToUpperInvariant();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        if (!await db.Departments.AnyAsync(d => d.Code == code, cancellationToken))
        {
            await error.WriteLineAsync($"There is no department {code}.");
            return 1;
        }
        try
        {
            var thumbprint = await services.GetRequiredService<DepartmentKeys>().RotateAsync(code, cancellationToken);
            await output.WriteLineAsync(thumbprint);
            return 0;
        }
        catch (InvalidOperationException e)
        {
            // A configured PFX is rotated by configuring another file, not here.
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
