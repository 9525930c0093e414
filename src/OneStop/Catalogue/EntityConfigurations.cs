using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Platform.Localisation;

namespace OneStop.Catalogue;

internal static class LocalisedTextMapping
{
    /// <summary>Maps a <see cref="LocalisedText"/> to three columns: Name_En, Name_ZhHk, Name_ZhCn.</summary>
    public static void Localised<T>(this EntityTypeBuilder<T> entity, System.Linq.Expressions.Expression<Func<T, LocalisedText?>> property, int? maxLength = null)
        where T : class =>
        entity.ComplexProperty(property, text =>
        {
            foreach (var part in new[] { nameof(LocalisedText.En), nameof(LocalisedText.ZhHk), nameof(LocalisedText.ZhCn) })
            {
                var p = text.Property<string>(part).IsRequired();
                if (maxLength is not null) p.HasMaxLength(maxLength.Value);
            }
        });
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> entity)
    {
        entity.HasIndex(d => d.Code).IsUnique();
        entity.Property(d => d.Code).HasMaxLength(6);
        entity.Localised(d => d.Name, CatalogueLimits.Name);
        entity.Property(d => d.Email).HasMaxLength(CatalogueLimits.Email);
        entity.Property(d => d.Phone).HasMaxLength(CatalogueLimits.Phone);
        entity.Property(d => d.Website).HasMaxLength(CatalogueLimits.Website);
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> entity)
    {
        entity.HasIndex(c => c.Slug).IsUnique();
        entity.Property(c => c.Slug).HasMaxLength(80);
        entity.Localised(c => c.Name, CatalogueLimits.Name);
        entity.Localised(c => c.Description, CatalogueLimits.Description);
    }
}

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> entity)
    {
        entity.HasIndex(s => s.Slug).IsUnique();
        entity.HasIndex(s => new { s.DepartmentId, s.Status });
        entity.Property(s => s.Slug).HasMaxLength(80);
        entity.Property(s => s.ExternalUrl).HasMaxLength(CatalogueLimits.ExternalUrl);
        entity.Property(s => s.StartFormId).HasMaxLength(100);
        entity.Property(s => s.RequiredAssurance).HasMaxLength(16);
        entity.Localised(s => s.Name, CatalogueLimits.Name);
        entity.Localised(s => s.Summary, CatalogueLimits.Summary);
        entity.Localised(s => s.Body);
        entity.Localised(s => s.BodyHtml);
        entity.Localised(s => s.Eligibility, CatalogueLimits.Eligibility);
        entity.Localised(s => s.Fees, CatalogueLimits.Fees);
        entity.HasOne(s => s.Department).WithMany(d => d.Services).OnDelete(DeleteBehavior.Restrict);
        entity.HasMany(s => s.Categories).WithMany(c => c.Services).UsingEntity("ServiceCategories");
    }
}

internal sealed class CatalogueRevisionConfiguration : IEntityTypeConfiguration<CatalogueRevision>
{
    public void Configure(EntityTypeBuilder<CatalogueRevision> entity)
    {
        entity.Property(r => r.Id).ValueGeneratedNever();
        entity.HasData(new CatalogueRevision { Id = 1, Value = 0 });
    }
}
