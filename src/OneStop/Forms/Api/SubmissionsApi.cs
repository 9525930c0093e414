using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Answers;
using OneStop.Forms.Store;
using OneStop.Forms.Submitting;
using OneStop.Identity.Oidc;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Forms.Api;

/// <summary>
/// POST /api/v1/forms/{id}/submissions for machine clients (kiosks, partner systems) with a client-credentials
/// token carrying <see cref="OidcSetup.FormsSubmitScope"/>, and GET of a submission's status for the client that
/// sent it. Each POST carries an Idempotency-Key: the same key from the same client never makes a second
/// submission (SubmitApplication's unique index settles races and retries). Answers are never logged.
/// </summary>
public static class SubmissionsApi
{
    public const int MaxKeyLength = 200;
    public const int MaxBodyBytes = 1_000_000;
    public const string ReplayedHeader = "Idempotent-Replayed";

    public static RouteGroupBuilder MapSubmissionsApi(this RouteGroupBuilder forms)
    {
        forms.MapPost("/{id}/submissions", Submit).WithName("SubmitForm")
            .WithSummary("Submits an application (machine clients: bearer token with the onestop.forms.submit scope, and an Idempotency-Key).")
            .WithDescription("201 with the reference when stored; 200 with the same body and Idempotent-Replayed: true when the key was used "
                + "before for the same answers; 422 with every field error, or when the key was used for different answers.")
            .Accepts<SubmissionRequest>("application/json")
            .Produces<SubmissionResponse>(StatusCodes.Status201Created).Produces<SubmissionResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        forms.MapGet("/{id}/submissions/{reference}", Status).WithName("GetFormSubmission")
            .WithSummary("A submission this client sent: its reference, time and form version. Others' submissions answer 404.")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return forms;
    }

    private static async Task<Results<Created<SubmissionResponse>, Ok<SubmissionResponse>, ProblemHttpResult, ValidationProblem>> Submit(
        [Description("The form's id, e.g. fehd-food-hygiene-report.")] string id,
        [FromHeader(Name = "Idempotency-Key"), Description("Names this attempt (up to 200 visible ASCII characters, e.g. a UUID); send the same key when retrying.")] string? idempotencyKey,
        HttpContext context, OneStopDb db, FormStore store, PublishedForms published, SubmitApplication submit, Text text, IEnumerable<ISubmissionCharges> charges, CancellationToken cancellationToken,
        [Description(ApiLanguage.Description + " Error messages are in this language.")] string? lang = null)
    {
        if (ApiLanguage.Problem(lang) is { } langErrors) return TypedResults.ValidationProblem(langErrors);
        var (clientId, refused) = await MachineClientAsync(context);
        if (refused is not null) return refused;
        if (KeyProblem(idempotencyKey) is { } keyProblem) return keyProblem;
        if (context.Request.ContentLength > MaxBodyBytes)
            return Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "Request too large", $"A submission is at most {MaxBodyBytes} bytes.");
        var (body, errors) = await ReadAsync(context.Request, cancellationToken);
        if (errors.Count > 0 || body?.Answers is null) return TypedResults.ValidationProblem(errors);

        var scope = "client:" + clientId;
        var key = idempotencyKey!;
        var language = Languages.FromCulture(body.Language) ?? Languages.Current;
        SubmitRequest Request(LoadedForm form, string? serviceSlug) => new(form, body.Answers, scope, key, language.Tag())
        {
            ServiceSlug = serviceSlug,
            ClientId = clientId,
            ContactEmail = string.IsNullOrWhiteSpace(body.ContactEmail) ? null : body.ContactEmail.Trim(),
        };

        // A first attempt, the usual case: the form as this node knows it, no look-up for an earlier attempt, and the
        // unique index on the key as the guard. Any other outcome (invalid, retired, a replay, a key used before) is
        // decided by the full path below, which answers a retry from the version its first attempt was pinned to.
        if (await published.GetAsync(db, id, cancellationToken) is { PublishedVersion: { } currentVersion, Retired: false } known
            && await store.LoadAsync(id, currentVersion, known.DepartmentCode, retired: false, cancellationToken) is { } currentForm
            && Admit(currentForm, known.Services, body.ServiceSlug, out var slug) is null
            && await submit.RunAsync(Request(currentForm, slug) with { EarlierChecked = true, NoService = known.Services.Count == 0, CommitWithOthers = true }, cancellationToken)
                is SubmitResult.Accepted { Replayed: false } fresh)
            return await AcceptedAsync(context, charges, currentForm, fresh, language, cancellationToken);

        // One round trip for everything the checks need: a submission is a handful of statements, so each counts.
        var facts = await db.Set<Form>().AsNoTracking().Where(f => f.Id == id).Select(f => new
        {
            f.PublishedVersion,
            Retired = f.RetiredAt != null,
            f.DepartmentCode,
            EarlierForm = db.Set<Submission>().Where(s => s.IdempotencyScope == scope && s.IdempotencyKey == key).Select(s => s.FormId).FirstOrDefault(),
            EarlierVersion = db.Set<Submission>().Where(s => s.IdempotencyScope == scope && s.IdempotencyKey == key).Select(s => (int?)s.Version).FirstOrDefault(),
            Services = db.Services.Where(s => s.StartFormId == f.Id).OrderBy(s => s.Id).Select(s => new StartedService(s.Slug, s.AllowsGuests)).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        if (facts is { EarlierForm: { } other } && other != id) return KeyReused();
        // A retry answers from the version the first attempt was pinned to, even if a newer one was published or the form retired since.
        var version = facts?.EarlierVersion ?? facts?.PublishedVersion;
        var form = facts is null || version is null ? null : await store.LoadAsync(id, version.Value, facts.DepartmentCode, facts.Retired, cancellationToken);
        if (facts is null || form is null)
        {
            // A key used for another form that no longer exists still names an earlier attempt.
            if (await db.Set<Submission>().AnyAsync(s => s.IdempotencyScope == scope && s.IdempotencyKey == key, cancellationToken)) return KeyReused();
            return Problem(StatusCodes.Status404NotFound, "form-not-found", "Form not found", $"There is no published form with the id '{id}'.");
        }

        var serviceSlug = body.ServiceSlug;
        if (facts.EarlierVersion is null)
            switch (Admit(form, facts.Services, serviceSlug, out serviceSlug))
            {
                case ProblemHttpResult problem: return problem;
                case ValidationProblem invalid: return invalid;
            }

        // Looked up above; SubmitApplication's unique index still settles a race.
        var result = await submit.RunAsync(Request(form, serviceSlug) with { EarlierChecked = facts.EarlierVersion is null }, cancellationToken);
        switch (result)
        {
            case SubmitResult.Accepted accepted:
                return await AcceptedAsync(context, charges, form, accepted, language, cancellationToken);
            case SubmitResult.Invalid invalid:
                var current = Languages.Current;
                return Problem(StatusCodes.Status422UnprocessableEntity, "invalid-answers", "Answers not valid",
                    $"{invalid.Errors.Count} answer(s) break the form's rules; each is in errors.",
                    new Dictionary<string, object?>
                    {
                        ["errors"] = invalid.Errors.Select(e => new SubmissionFieldError(e.Path, e.Kind,
                            ErrorMessages.Describe(e, form.Definition, text, current))).ToList(),
                    });
            default:
                return KeyReused();
        }
    }

    /// <summary>Whether a first attempt may be made on this form (null) or the problem to answer, and the service it applies for.</summary>
    private static IResult? Admit(LoadedForm form, IReadOnlyList<StartedService> services, string? requestedSlug, out string? serviceSlug)
    {
        serviceSlug = requestedSlug;
        if (form.Retired)
            return Problem(StatusCodes.Status410Gone, "form-retired", "Form retired", "This form no longer takes applications.");
        if (form.Definition.AllFields.Any(f => f.Signature))
            return Problem(StatusCodes.Status403Forbidden, "signature-required", "Form needs the applicant's signature",
                "The applicant signs this form's declaration with their own OneStop ID; it can be sent only through the portal.");
        if (requestedSlug is not null && services.All(s => s.Slug != requestedSlug))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["serviceSlug"] = [$"No service starts with the form '{form.FormId}' under the slug '{requestedSlug}'."] });
        var applying = requestedSlug is null ? services : services.Where(s => s.Slug == requestedSlug).ToList();
        if (applying.Count > 0 && !applying.Any(s => s.AllowsGuests))
            return Problem(StatusCodes.Status403Forbidden, "account-required", "Applicant must sign in",
                "This service takes applications only from signed-in applicants, through the portal.");
        if (requestedSlug is null && services.Count == 1) serviceSlug = services[0].Slug;
        return null;
    }

    private static async Task<Results<Created<SubmissionResponse>, Ok<SubmissionResponse>, ProblemHttpResult, ValidationProblem>> AcceptedAsync(
        HttpContext context, IEnumerable<ISubmissionCharges> charges, LoadedForm form, SubmitResult.Accepted accepted, Language language, CancellationToken cancellationToken)
    {
        var response = new SubmissionResponse(accepted.Reference, form.FormId, form.Version, DateTime.SpecifyKind(accepted.SubmittedAt, DateTimeKind.Utc));
        // A service paid for on submission: the application waits for its fee, paid on the page named here.
        if (accepted.HeldForPayment)
            foreach (var charge in charges)
                if (await charge.PaymentPathAsync(accepted.SubmissionId, cancellationToken) is { } pay)
                    response = response with { Status = SubmissionResponse.AwaitingPayment, PaymentUrl = FormsApi.Url(context.Request, language.PathPrefix() + pay) };
        var location = FormsApi.Url(context.Request, $"/api/v1/forms/{form.FormId}/submissions/{accepted.Reference}");
        if (!accepted.Replayed) return TypedResults.Created(location, response);
        context.Response.Headers[ReplayedHeader] = "true";
        context.Response.Headers.Location = location;
        return TypedResults.Ok(response);
    }

    private static async Task<Results<Ok<SubmissionResponse>, ProblemHttpResult, ValidationProblem>> Status(
        [Description("The form's id.")] string id, [Description("The submission's reference, e.g. FEHD-2026-000123.")] string reference,
        HttpContext context, OneStopDb db, CancellationToken cancellationToken, [Description(ApiLanguage.Description)] string? lang = null)
    {
        if (ApiLanguage.Problem(lang) is { } langErrors) return TypedResults.ValidationProblem(langErrors);
        var (clientId, refused) = await MachineClientAsync(context);
        if (refused is not null) return refused;
        var found = await db.Set<Submission>().AsNoTracking()
            .Where(s => s.Reference == reference && s.FormId == id && s.ClientId == clientId)
            .Select(s => new SubmissionResponse(s.Reference, s.FormId, s.Version, s.SubmittedAt))
            .SingleOrDefaultAsync(cancellationToken);
        // Another client's submission is as unknown as one that does not exist.
        return found is null
            ? Problem(StatusCodes.Status404NotFound, "submission-not-found", "Submission not found", $"This client sent no submission '{reference}' of the form '{id}'.")
            : TypedResults.Ok(found with { SubmittedAt = DateTime.SpecifyKind(found.SubmittedAt, DateTimeKind.Utc) });
    }

    /// <summary>The client behind a valid client-credentials token with the submit scope, or the problem to answer.</summary>
    private static async Task<(string? ClientId, ProblemHttpResult? Refused)> MachineClientAsync(HttpContext context)
    {
        var principal = await context.RequestServices.GetRequiredService<BearerTokens>().AuthenticateAsync(context);
        if (principal is null || principal.GetClaim(Claims.ClientId) is not { Length: > 0 } clientId)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return (null, Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized",
                "Send a OneStop access token from the client-credentials grant: Authorization: Bearer <token>."));
        }
        // A client acting for itself has its own client_id as subject; a person's token (pairwise sub) is not for this API.
        if (!principal.HasScope(OidcSetup.FormsSubmitScope) || principal.GetClaim(Claims.Subject) != clientId)
        {
            context.Response.Headers.WWWAuthenticate = $"Bearer error=\"insufficient_scope\", scope=\"{OidcSetup.FormsSubmitScope}\"";
            return (null, Problem(StatusCodes.Status403Forbidden, "insufficient-scope", "Forbidden",
                $"The access token must be a client-credentials token with the {OidcSetup.FormsSubmitScope} scope."));
        }
        return (clientId, null);
    }

    private static ProblemHttpResult? KeyProblem(string? key)
    {
        if (string.IsNullOrEmpty(key))
            return Problem(StatusCodes.Status400BadRequest, "idempotency-key-missing", "Idempotency-Key missing",
                "Send an Idempotency-Key header naming this attempt (e.g. a new UUID), and the same one when you retry it.");
        if (key.Length > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            return Problem(StatusCodes.Status400BadRequest, "idempotency-key-invalid", "Idempotency-Key not valid",
                $"An Idempotency-Key is 1 to {MaxKeyLength} visible ASCII characters.");
        return null;
    }

    private static async Task<(SubmissionRequest? Body, Dictionary<string, string[]> Errors)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        SubmissionRequest? body = null;
        try
        {
            body = await JsonSerializer.DeserializeAsync<SubmissionRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            // The exception's message may quote the answers; it is not repeated.
            errors[""] = ["Send a JSON object: {\"answers\": {…}, \"language\": \"en\"}."];
            return (null, errors);
        }
        catch (BadHttpRequestException)
        {
            // The client stopped sending mid-body (it went away, or sent less than its Content-Length): nothing to store.
            errors[""] = ["The request body ended before its end; send the whole JSON object again."];
            return (null, errors);
        }
        if (body?.Answers is null) errors["answers"] = ["answers is required: an object keyed by field id."];
        if (body?.Language is { } language && Languages.FromCulture(language) is null) errors["language"] = ["language must be one of: en, zh-HK, zh-CN."];
        if (body?.ServiceSlug is { Length: > 200 }) errors["serviceSlug"] = ["serviceSlug is at most 200 characters."];
        if (body?.ContactEmail is { } email && !string.IsNullOrWhiteSpace(email) && (email.Length > 254 || !email.Contains('@')))
            errors["contactEmail"] = ["contactEmail must be an email address."];
        return (body, errors);
    }

    private static ProblemHttpResult KeyReused() =>
        Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key already used",
            "This Idempotency-Key was used before for a different submission; use a new key for new answers.");

    private static ProblemHttpResult Problem(int status, string code, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: status, type: ProblemType(code), title: title, detail: detail, extensions: extensions);

    /// <summary>Problem types are documented in docs/forms/api.md.</summary>
    public static string ProblemType(string code) => "urn:onestop:problem:" + code;
}
