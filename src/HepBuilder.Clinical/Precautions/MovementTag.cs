using System.ComponentModel.DataAnnotations;

namespace HepBuilder.Clinical.Precautions;

/// <summary>What an exercise asks of the spine and body; the precaution check compares these with a patient's precautions.</summary>
public enum MovementTag
{
    [Display(Name = "Lumbar flexion")] LumbarFlexion,
    [Display(Name = "Lumbar extension")] LumbarExtension,
    Rotation,
    [Display(Name = "Lateral flexion")] LateralFlexion,
    Load,
    Lifting,
    Impact,
    [Display(Name = "End-range")] EndRange,
}
