using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace OneStop.Identity.Factors;

/// <summary>
/// Creating and using passkeys with Identity's built-in <see cref="IPasskeyHandler{TUser}"/>. Identity's
/// SignInManager keeps the ceremony's state in the same cookie as the pending second factor, so asking for
/// a passkey on the second-factor page would forget who was signing in. Here the state travels in the
/// form itself, encrypted and bound to the account and to a five-minute lifetime; the challenge and every
/// check of the browser's answer are still Identity's.
/// </summary>
public sealed class PasskeyCeremony(IPasskeyHandler<OneStopUser> handler, IDataProtectionProvider protection, TimeProvider clock, IHttpContextAccessor http)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const string Creation = "create";
    private const string Request = "get";
    private readonly IDataProtector _protector = protection.CreateProtector("OneStop.Identity.Factors.PasskeyCeremony");

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("A passkey ceremony needs a request.");

    /// <summary>Options for navigator.credentials.create/get (JSON) and the sealed state to post back with the answer.</summary>
    public sealed record Begun(string OptionsJson, string State);

    public async Task<Begun> BeginCreationAsync(OneStopUser user)
    {
        var entity = new PasskeyUserEntity { Id = user.Id.ToString(), Name = user.Email!, DisplayName = user.Email! };
        var result = await handler.MakeCreationOptionsAsync(entity, Http);
        return new(result.CreationOptionsJson, Seal(Creation, user.Id, result.AttestationState));
    }

    /// <summary>With a user, only their passkeys are offered; without, the browser offers any passkey it holds for OneStop.</summary>
    public async Task<Begun> BeginRequestAsync(OneStopUser? user)
    {
        var result = await handler.MakeRequestOptionsAsync(user, Http);
        return new(result.RequestOptionsJson, Seal(Request, user?.Id, result.AssertionState));
    }

    public async Task<UserPasskeyInfo?> FinishCreationAsync(OneStopUser user, string? credentialJson, string? state)
    {
        if (string.IsNullOrEmpty(credentialJson) || Open(state, Creation, user.Id) is not { } inner) return null;
        var result = await handler.PerformAttestationAsync(new PasskeyAttestationContext { CredentialJson = credentialJson, AttestationState = inner, HttpContext = Http });
        return result.Succeeded ? result.Passkey : null;
    }

    public async Task<(OneStopUser User, UserPasskeyInfo Passkey)?> FinishRequestAsync(Guid? userId, string? credentialJson, string? state)
    {
        if (string.IsNullOrEmpty(credentialJson) || Open(state, Request, userId) is not { } inner) return null;
        var result = await handler.PerformAssertionAsync(new PasskeyAssertionContext { CredentialJson = credentialJson, AssertionState = inner, HttpContext = Http });
        if (!result.Succeeded || (userId is not null && result.User.Id != userId)) return null;
        return (result.User, result.Passkey);
    }

    private string Seal(string operation, Guid? userId, string? inner) =>
        _protector.Protect(JsonSerializer.Serialize(new Envelope(operation, userId, inner, clock.GetUtcNow() + Lifetime)));

    private string? Open(string? sealedState, string operation, Guid? userId)
    {
        if (string.IsNullOrEmpty(sealedState)) return null;
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(_protector.Unprotect(sealedState));
            return envelope is not null && envelope.Operation == operation && envelope.UserId == userId && envelope.Expires > clock.GetUtcNow()
                ? envelope.State : null;
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    private sealed record Envelope(string Operation, Guid? UserId, string? State, DateTimeOffset Expires);
}
