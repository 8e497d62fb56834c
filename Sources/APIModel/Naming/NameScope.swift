/// Hands out names that are unique within one scope (a module's types, one type's members, one
/// operation's arguments), deterministically: the first claimant keeps the name, later ones get
/// `2`, `3`, ... in the order they ask.
///
/// Names are compared without regard to case, because names that differ only in case confuse
/// readers and collide on case-insensitive file systems.
public struct NameScope: Sendable {
    private var taken: Set<String> = []

    /// A scope in which `reserved` names are already taken.
    public init(reserved: [String] = []) {
        for name in reserved { taken.insert(name.lowercased()) }
    }

    /// Claims `name`, or the first free `name2`, `name3`, ...
    public mutating func claim(_ name: String) -> String {
        if taken.insert(name.lowercased()).inserted { return name }
        var counter = 2
        while !taken.insert("\(name)\(counter)".lowercased()).inserted { counter += 1 }
        return "\(name)\(counter)"
    }

    /// Whether `name` is taken.
    public func isTaken(_ name: String) -> Bool { taken.contains(name.lowercased()) }
}
