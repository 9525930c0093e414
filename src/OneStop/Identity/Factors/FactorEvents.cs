namespace OneStop.Identity.Factors;

/// <summary>Audit event names of this slice; the Activity page shows each as T["audit." + name].</summary>
public static class FactorEvents
{
    public const string AuthenticatorAdded = "account.authenticator-added";
    public const string AuthenticatorRemoved = "account.authenticator-removed";
    public const string RecoveryCodesCreated = "account.recovery-codes-created";
    public const string PasskeyAdded = "account.passkey-added";
    public const string PasskeyRenamed = "account.passkey-renamed";
    public const string PasskeyRemoved = "account.passkey-removed";
    public const string SecondFactorPassed = "account.second-factor-passed";
    public const string SecondFactorFailed = "account.second-factor-failed";
    public const string SteppedUp = "account.stepped-up";
    public const string NewDevice = "account.new-device";
}
