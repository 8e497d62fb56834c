/// Hands out names that are unique within one scope (a module's types, one type's members, one
/// operation's arguments), deterministically: the first claimant keeps the name, later ones get
/// `2`, `3`, ... in the order they ask.
///
/// Names are compared without regard to case, because names that differ only in case confuse
/// readers and collide on case-insensitive file systems.
public struct NameScope: Sendable {
    /// The names taken, lowercased. Most scopes (one type's members, one operation's
    /// arguments) hold a handful, which a list searches faster than a set hashes; a scope
    /// that grows past `listLimit` moves to a set.
    private var list: [String] = []
    private var set: Set<String>?
    private static let listLimit = 16

    /// A scope in which `reserved` names are already taken.
    public init(reserved: [String] = []) {
        for name in reserved { _ = insert(name.lowercased()) }
    }

    /// Claims `name`, or the first free `name2`, `name3`, ...
    public mutating func claim(_ name: String) -> String {
        if insert(name.lowercased()) { return name }
        var counter = 2
        while !insert("\(name)\(counter)".lowercased()) { counter += 1 }
        return "\(name)\(counter)"
    }

    /// Whether `name` is taken.
    public func isTaken(_ name: String) -> Bool { contains(name.lowercased()) }

    private func contains(_ lowercased: String) -> Bool {
        set?.contains(lowercased) ?? list.contains(lowercased)
    }

    /// Takes a lowercased name; false when it was taken already.
    private mutating func insert(_ lowercased: String) -> Bool {
        if set != nil { return set!.insert(lowercased).inserted }
        if list.contains(lowercased) { return false }
        list.append(lowercased)
        if list.count > Self.listLimit {
            set = Set(list)
            list = []
        }
        return true
    }
}
