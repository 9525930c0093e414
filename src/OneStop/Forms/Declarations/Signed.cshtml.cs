using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OneStop.Forms.Filling;
using OneStop.Forms.Submitting;
using OneStop.Identity;

namespace OneStop.Forms.Declarations;

/// <summary>
/// <c>/applications/{draftId}/sign?request={id}</c>: where OneStop ID's signing page sends the person back. A
/// signature over the answers as they are now submits the application (exactly once, as the check page does);
/// one over other answers (changed after signing) or none (cancelled) is not used, and the person is asked to
/// sign again. Submitting on this GET is safe: it only completes what the person has just confirmed with a
/// signature over exactly these answers, and the draft's idempotency key makes a reload land on the same reference.
/// </summary>
public sealed class SignedModel(DraftAccess access, DeclarationSigning declarations, SubmitApplication submit, UserManager<OneStopUser> users)
    : DraftPageModel(access)
{
    public SignatureState State { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid draftId, Guid? request, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        if (!DeclarationSigning.Required(Journey) || request is not { } requestId) return GoTo(Journey.CheckPath);
        State = await declarations.StateAsync(Journey, requestId, cancellationToken);
        if (State != SignatureState.Signed) return Page();

        var email = (await users.GetUserAsync(User))?.Email;
        var submitting = CheckModel.SubmitRequestFor(Journey, email) with { SignatureRequestId = requestId };
        return await submit.RunAsync(submitting, cancellationToken) is SubmitResult.Invalid
            ? GoTo(Journey.CheckPath) // the check page lists what is missing
            : GoTo(Journey.SentPath);
    }
}
