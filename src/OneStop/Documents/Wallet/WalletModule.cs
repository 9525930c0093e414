namespace OneStop.Documents.Wallet;

/// <summary>The holder's side of documents (docs/documents/wallet.md): "My documents", downloads and share links.</summary>
public static class WalletModule
{
    public static IServiceCollection AddDocumentWallet(this IServiceCollection services)
    {
        services.AddScoped<MyDocuments>();
        services.AddScoped<DocumentShares>();
        return services;
    }
}
