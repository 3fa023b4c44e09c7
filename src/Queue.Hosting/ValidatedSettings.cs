using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Queue.Hosting;

/// <summary>
/// Settings that decide how the host is built (clustering, storage, role) are needed before the host exists, so they
/// are read and validated here, at once, with the same rules that <c>ValidateOnStart</c> applies to the bound options.
/// </summary>
public static class ValidatedSettings
{
    public static T Read<T>(IHostApplicationBuilder builder, string section)
        where T : class, new()
    {
        var settings = builder.Configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T), results.Select(r => r.ErrorMessage ?? "invalid"));
        }

        builder.Services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return settings;
    }
}
