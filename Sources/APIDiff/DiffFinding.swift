import APIModel

/// One change between two versions of an API, as `apigen diff` reports it.
public struct DiffFinding: Sendable, Hashable {
    /// The kind of change.
    public var rule: DiffRule
    /// What changed, in one sentence.
    public var message: String
    /// Where it is: in the new document, or in the old one for something removed.
    public var location: SourceLocation?
    /// Whether it concerns the old document (something removed): ``location`` is there.
    public var isInOldDocument: Bool
    /// The Swift symbol user code touches (`Quay.TagOperations.listRepoTags(repository:page:)`,
    /// `Repository.description`).
    public var symbol: String
    /// Whose Swift code stops compiling: the rule's impact, or less when the Swift spelling did
    /// not change (a widened type with the same Swift type).
    public var swiftImpact: DiffRule.SwiftImpact
    /// The tag of the operation it concerns, for grouping; nil for types and the API as a whole.
    public var tag: String?
    /// `GET /pets/{id}`, when it concerns one operation.
    public var operation: String?

    /// The finding's level (the rule's).
    public var level: DiffRule.Level { rule.level }
}
