import APIModel

/// `apigen diff`'s stage: two models in, the changes between them out, each with its rule and
/// what it does to the generated Swift. Both models come from the normal pipeline, so `$ref`s,
/// 3.0 against 3.1 and naming are settled before anything is compared: a change that only
/// moves a `$ref` or reorders keys is no change.
public enum APIDiff {
    /// Compares `old` with `new`. The paths are the documents as given, for the report.
    public static func compare(old: ServiceModel, new: ServiceModel, oldPath: String, newPath: String) -> DiffReport {
        var comparison = Comparison(old: old, new: new)
        comparison.run()
        return DiffReport(oldTitle: "\(old.title) \(old.version)", newTitle: "\(new.title) \(new.version)",
                          oldPath: oldPath, newPath: newPath, findings: comparison.sortedFindings)
    }
}
