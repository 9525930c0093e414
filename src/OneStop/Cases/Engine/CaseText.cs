using Microsoft.AspNetCore.DataProtection;

namespace OneStop.Cases.Engine;

/// <summary>Encrypts what people write on a case (reasons, notes, replies, file names): it may name or describe a person.</summary>
public sealed class CaseText(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("OneStop.Cases.Text.v1");

    public string Protect(string text) => _protector.Protect(text);

    public string Unprotect(string stored) => _protector.Unprotect(stored);

    public string? UnprotectOrNull(string? stored) => stored is null ? null : _protector.Unprotect(stored);
}
