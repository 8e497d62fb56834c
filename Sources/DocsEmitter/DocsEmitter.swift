import APIModel

/// Emits reference docs from the model: Markdown for a repository (`README.md`, a file per
/// tag, `models.md`), the same for machine readers (`llms.txt`, `compact.md`), and one
/// self-contained HTML page (`index.html`).
public enum DocsEmitter {
    /// Which formats to write.
    public enum Format: String, Sendable, CaseIterable {
        case markdown, html
    }

    /// The docs files.
    public static func emit(_ model: ServiceModel, formats: [Format] = Format.allCases, specName: String) -> EmitterOutput {
        let site = DocsSite(model: model, specName: specName)
        var files: [OutputFile] = []
        if formats.contains(.markdown) { files += MarkdownDocs(site: site).files() + MachineDocs(site: site).files() }
        if formats.contains(.html) { files.append(HTMLPage(site: site).file()) }
        return EmitterOutput(files: files)
    }
}

/// What every page needs: the model, the tags with their operations, and where things are.
/// A class: every view holds it, and it is made once and never changes, so holding it is one
/// reference rather than a copy of the model.
final class DocsSite: Sendable {
    let model: ServiceModel
    let specName: String
    /// A tag with operations, or the untagged ones: a chapter of the docs.
    struct Group {
        var name: String
        var description: String?
        var operations: [OperationModel]
        /// Webhooks and callbacks: requests the API sends, which an app receives.
        var isReceiver = false
    }

    /// Tags that have operations, in order, plus a group for untagged ones.
    let groups: [Group]
    /// Every operation, then every webhook and callback: what ``usedBy`` points into.
    let allOperations: [OperationModel]
    /// For each named type, the operations that mention it directly, as places in ``allOperations``.
    private let usedByIndex: [String: [Int]]
    /// For each named type, the types that hold it.
    let partOf: [String: [String]]
    /// For each callback, by operation ID, the operation that makes it.
    let callbackOwners: [String: OperationModel]
    /// For each operation ID, the index of its group in ``groups``.
    private let groupIndex: [String: Int]
    /// For each tag, its member name on the Swift client (`quay.tag`).
    private let tagMembers: [String: String]
    /// The examples made from the schema for the JSON bodies that have none of their own,
    /// indented, made once: many operations share a body's type (every error response).
    private let madeUpBodies: [BodyKey: String]

    /// A body's type, and the name its placeholder takes when it is a bare string.
    private struct BodyKey: Hashable {
        var type: TypeRef
        var name: String
    }

    init(model: ServiceModel, specName: String) {
        self.model = model
        self.specName = specName
        var groups = model.taggedGroups.map { Group(name: $0.tag.name, description: $0.tag.description, operations: $0.operations) }
        if !model.untaggedOperations.isEmpty {
            groups.append(Group(name: "other", description: "Operations without a tag.", operations: model.untaggedOperations))
        }
        if let receiver = model.receiverProtocolName, !model.receivers.isEmpty {
            groups.append(Group(name: "Webhooks and callbacks", description: """
                The requests \(model.title) sends to you: its webhooks, and the callbacks its operations make. The \
                Swift client receives them: implement `\(receiver)` and mount it with `registerWebhooks(on:path:)`.
                """, operations: model.receivers, isReceiver: true))
        }
        self.groups = groups
        allOperations = model.operations + model.receivers
        var usedByIndex: [String: [Int]] = [:]
        for (index, operation) in allOperations.enumerated() {
            for name in operation.directlyUsedTypes { usedByIndex[name, default: []].append(index) }
        }
        self.usedByIndex = usedByIndex
        var partOf: [String: [String]] = [:]
        for type in model.types {
            for name in type.directlyUsedTypes.sorted() { partOf[name, default: []].append(type.name) }
        }
        self.partOf = partOf
        var callbackOwners: [String: OperationModel] = [:]
        for operation in model.operations {
            for callback in operation.callbacks.flatMap(\.operations) { callbackOwners[callback.operationId] = operation }
        }
        self.callbackOwners = callbackOwners
        var groupIndex: [String: Int] = [:]
        for (index, group) in groups.enumerated() {
            for operation in group.operations where groupIndex[operation.operationId] == nil { groupIndex[operation.operationId] = index }
        }
        self.groupIndex = groupIndex
        var tagMembers: [String: String] = [:]
        for tag in model.tags where tagMembers[tag.name] == nil { tagMembers[tag.name] = tag.memberName }
        self.tagMembers = tagMembers
        var madeUpBodies: [BodyKey: String] = [:]
        let samples = Samples(model: model)
        for operation in allOperations {
            var keys: [BodyKey] = []
            if let content = operation.requestBody?.contents.first, content.kind == .json, content.examples.allSatisfy({ $0.value == nil }),
               let type = content.type {
                keys.append(BodyKey(type: type.nonNullable, name: "body"))
            }
            for response in operation.responses {
                guard let content = response.contents.first, content.kind == .json, content.constant == nil,
                      content.examples.allSatisfy({ $0.value == nil }), let type = content.type else { continue }
                keys.append(BodyKey(type: type.nonNullable, name: "value"))
            }
            for key in keys where madeUpBodies[key] == nil {
                madeUpBodies[key] = JSONText.pretty(samples.json(key.type, name: key.name))
            }
        }
        self.madeUpBodies = madeUpBodies
    }

    /// The member of the Swift client an operation's tag is, if it has a tag (`tag` in `quay.tag`).
    func tagMember(_ operation: OperationModel) -> String? {
        operation.tag.flatMap { tagMembers[$0] }
    }

    /// The example made from the schema for a JSON body of this type.
    func madeUpBody(_ type: TypeRef, name: String) -> String {
        let key = BodyKey(type: type.nonNullable, name: name)
        return madeUpBodies[key] ?? JSONText.pretty(Samples(model: model).json(key.type, name: name))
    }

    /// Where a webhook or callback is sent, for a table cell or a page's route line: "webhook
    /// `order.paid`", or "callback of `createSubscription`, to `{$request.body#/url}`".
    func receiverRoute(_ operation: OperationModel, links: LinkStyle, from file: String?) -> [Inline] {
        guard let owner = callbackOwners[operation.operationId] else { return [.text("webhook "), .code(operation.path)] }
        return [.text("callback of "), .link([.code(owner.operationId)], url: links.operation(owner, site: self, from: file)),
                .text(", to "), .code(operation.path)]
    }

    /// The operations that mention a named type directly.
    func usedBy(_ name: String) -> LazyMapCollection<[Int], OperationModel> {
        let operations = allOperations
        return (usedByIndex[name] ?? []).lazy.map { operations[$0] }
    }

    /// How many operations of each group mention a named type directly, by place in ``groups``.
    func usedByGroup(_ name: String) -> [Int] {
        var counts = Array(repeating: 0, count: groups.count)
        for index in usedByIndex[name] ?? [] {
            if let group = groupIndex[allOperations[index].operationId] { counts[group] += 1 }
        }
        return counts
    }

    /// The Markdown file of a group.
    func file(of group: Group) -> String {
        let slug = group.name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(slug).split(separator: "-").joined(separator: "-") + ".md"
    }

    /// The group an operation is in.
    func group(of operation: OperationModel) -> Group? {
        groupIndex[operation.operationId].map { groups[$0] }
    }
}

/// GitHub's heading anchors: lowercase, punctuation dropped, spaces as hyphens.
enum GitHubAnchor {
    static func slug(_ heading: String) -> String {
        String(heading.lowercased().compactMap { character -> Character? in
            if character.isLetter || character.isNumber || character == "-" || character == "_" { return character }
            return character == " " ? "-" : nil
        })
    }
}
