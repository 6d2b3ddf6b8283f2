using Credstack.Server.Achievements;

namespace Credstack.Server.Console;

/// <summary>
/// What the achievement form does on submit: checks the uploaded image (size first, then its bytes through
/// <see cref="ImageSniffer"/>) and the fields (<see cref="AchievementValidation"/>), and only when everything
/// passes stores the image and the achievement (a new one, or a new version). A refused form stores nothing.
/// </summary>
internal sealed class AchievementEditor(AchievementStore achievements, AchievementImageStore images)
{
    /// <summary>
    /// Checks the form; with <paramref name="save"/>, stores it. <paramref name="achievementId"/> null creates; otherwise
    /// the fields the form does not show (result descriptions, specialization) are carried over from <paramref name="current"/>.
    /// </summary>
    public async Task<AchievementEditOutcome> SubmitAsync(
        string organizationId, string? achievementId, AchievementDefinition? current, AchievementForm form, IFormFile? upload, string accountId, bool save, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var status = StatusCodes.Status400BadRequest;
        form.Compact();

        byte[]? content = null;
        string? mediaType = null;
        if (upload is { Length: > 0 })
        {
            if (upload.Length > ImageEndpoints.MaxImageBytes)
            {
                errors["image"] = [$"The image is {upload.Length / 1024} KiB; a badge image may have at most {ImageEndpoints.MaxImageBytes / (1024 * 1024)} MiB."];
                status = StatusCodes.Status413PayloadTooLarge;
            }
            else
            {
                using var buffer = new MemoryStream();
                await upload.CopyToAsync(buffer, cancellationToken);
                content = buffer.ToArray();
                mediaType = ImageSniffer.Sniff(content, out var problem);
                if (mediaType is null)
                {
                    errors["image"] = [$"This file is not a PNG, JPEG or SVG image we accept: {problem}"];
                    status = StatusCodes.Status415UnsupportedMediaType;
                }
            }
        }

        var imageId = form.RemoveImage ? null : string.IsNullOrWhiteSpace(form.ImageId) ? null : form.ImageId.Trim();
        if (imageId is not null && content is null && !await images.ExistsAsync(organizationId, imageId, cancellationToken))
        {
            errors["image"] = ["The chosen image is no longer available; upload it again."];
        }

        // A placeholder image id while the upload is unchecked, so the rest of the rules run as for the final definition.
        var definition = form.ToDefinition(content is not null ? "pending-upload" : imageId, errors) with
        {
            ResultDescriptions = current?.ResultDescriptions,
            Specialization = current?.Specialization,
        };
        var ruleErrors = AchievementValidation.Validate(definition, out var normalized);
        foreach (var (field, messages) in ruleErrors)
        {
            errors.TryAdd(field, messages);
        }

        if (errors.Count > 0)
        {
            return new AchievementEditOutcome(null, normalized, errors, status);
        }

        if (content is not null)
        {
            // Stored on preview too, so that the chosen image survives to the save without uploading it again.
            var image = await images.AddAsync(organizationId, mediaType!, content, cancellationToken);
            normalized = normalized with { ImageId = image.Id };
            form.ImageId = image.Id;
            form.RemoveImage = false;
        }

        if (!save)
        {
            return new AchievementEditOutcome(null, normalized, errors, StatusCodes.Status200OK);
        }

        var saved = achievementId is null
            ? await achievements.CreateAsync(organizationId, normalized, accountId, cancellationToken)
            : await achievements.AddVersionAsync(organizationId, achievementId, normalized, null, accountId, cancellationToken);
        return saved is null
            ? new AchievementEditOutcome(null, normalized, errors, StatusCodes.Status404NotFound)
            : new AchievementEditOutcome(saved, normalized, errors, StatusCodes.Status200OK);
    }
}
