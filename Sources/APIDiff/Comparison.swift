import APIModel

/// One comparison of two models: what has been compared so far, and what was found.
struct Comparison {
    let old: ServiceModel
    let new: ServiceModel
    private(set) var findings: [DiffFinding] = []
    private var reported = Set<DiffFinding>()
    /// Named types already compared, old name and new name, each way.
    var comparedTypes = Set<TypePair>()
    /// Types the walk found renamed (whichever way they travel), reported once each and not
    /// also as removed and added.
    var renamedTypes = Set<TypePair>()

    /// Which way a value travels. Requests are what the client sends; responses, and webhook
    /// deliveries, what it receives.
    enum Direction: Hashable {
        case request, response
    }

    /// Two named types compared with each other one way.
    struct TypePair: Hashable {
        var old: String
        var new: String
        var direction: Direction
    }

    /// Where a change is, for its finding.
    struct Place {
        /// The Swift symbol user code touches.
        var symbol: String
        /// The place in the new document.
        var location: SourceLocation?
        /// The place in the old document, for removals.
        var oldLocation: SourceLocation?
        var tag: String?
        /// `GET /pets`.
        var operation: String?

        /// The same operation, another symbol and place.
        func with(symbol: String, location: SourceLocation?, oldLocation: SourceLocation?) -> Place {
            Place(symbol: symbol, location: location ?? self.location, oldLocation: oldLocation ?? self.oldLocation,
                  tag: tag, operation: operation)
        }
    }

    init(old: ServiceModel, new: ServiceModel) {
        self.old = old
        self.new = new
    }

    /// Compares everything: servers, operations, receivers, then the component types no walk
    /// reached.
    mutating func run() {
        compareServers()
        compareOperations()
        compareReceivers()
        compareComponentTypes()
    }

    /// Records a finding once. `removed` places it in the old document.
    mutating func report(_ rule: DiffRule, _ message: String, at place: Place, removed: Bool = false,
                         impact: DiffRule.SwiftImpact? = nil) {
        let inOld = removed || (place.location == nil && place.oldLocation != nil)
        let finding = DiffFinding(rule: rule, message: message, location: inOld ? place.oldLocation : place.location,
                                  isInOldDocument: inOld, symbol: place.symbol,
                                  swiftImpact: impact ?? rule.swiftImpact, tag: place.tag, operation: place.operation)
        if reported.insert(finding).inserted { findings.append(finding) }
    }

    /// Errors, then warnings, then notes; in the order they were found within each.
    var sortedFindings: [DiffFinding] {
        DiffRule.Level.allCases.reversed().flatMap { level in findings.filter { $0.level == level } }
    }
}
