using OneStop.Office.Fees;

// In the back office's own namespace, so OfficeModule wires it with one line.
namespace OneStop.Office;

/// <summary>The back-office fee schedule editor (docs/payments/fees.md): registered by <see cref="OfficeModule"/>.</summary>
public static class FeeEditorModule
{
    public static IServiceCollection AddFeeEditor(this IServiceCollection services) => services.AddScoped<FeeEditor>();
}
