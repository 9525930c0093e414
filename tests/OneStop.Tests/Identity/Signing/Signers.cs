using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity;
using OneStop.Identity.Signing;

namespace OneStop.Tests.Identity.Signing;

/// <summary>People who sign, and their signatures, made through the signing contract other modules use.</summary>
public static class Signers
{
    /// <summary>A confirmed account; <paramref name="verified"/> marks its identity as proved.</summary>
    public static async Task<(Guid Id, string Email)> NewPersonAsync(this IServiceProvider services, bool verified = true)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OneStopUser>>();
        var email = Accounts.NewEmail();
        var user = new OneStopUser
        {
            UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow,
            IdentityVerifiedAt = verified ? DateTimeOffset.UtcNow : null, IdentityVerifiedBy = verified ? "counter" : null,
        };
        var result = await users.CreateAsync(user, Accounts.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return (user.Id, email);
    }

    public static async Task<Guid> RequestAsync(this IServiceProvider services, Guid userId, byte[] document,
        string description = "Declaration for a driving licence renewal", string returnUrl = "/account")
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDocumentSigning>()
            .CreateRequestAsync(userId, SHA256.HashData(document), description, returnUrl, TestContext.Current.CancellationToken);
    }

    /// <summary>Creates a request and confirms it as the person would on the signing page.</summary>
    public static async Task<SignedDocument> SignAsync(this IServiceProvider services, Guid userId, byte[] document)
    {
        var id = await services.RequestAsync(userId, document);
        using var scope = services.CreateScope();
        var signing = scope.ServiceProvider.GetRequiredService<DocumentSigning>();
        Assert.Equal(SignOutcome.Signed, await signing.SignAsync(id, userId, TestContext.Current.CancellationToken));
        return (await signing.GetSignatureAsync(id, userId, TestContext.Current.CancellationToken))!;
    }

    public static async Task<T> WithScopeAsync<T>(this IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        using var scope = services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public static byte[] NewDocument(string text = "I declare that the information I have given is true.") =>
        System.Text.Encoding.UTF8.GetBytes(text + " " + Guid.NewGuid());
}
