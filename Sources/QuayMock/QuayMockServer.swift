import APIRuntime
import Foundation
import QuayServer

/// A fake Quay: `QuayAPI` implemented over a ``QuayStore``.
///
/// Users, organizations, repositories (with token paging), tags (with page/limit paging),
/// robots, teams, repository permissions, notifications, auto-prune and immutability policies
/// keep state and check what they are given. Every other operation answers with its first
/// documented success status and a well-formed body (see ``QuayMockFallback``).
public struct QuayMockServer: QuayAPI {
    /// The state.
    public let store: QuayStore
    /// The user a request acts as when no credentials name one (the authorizer is off).
    public let defaultUser: String

    /// A server over a store.
    public init(store: QuayStore, defaultUser: String = "quayadmin") {
        self.store = store
        self.defaultUser = defaultUser
    }

    /// The calling user: the token's, or the default one.
    var caller: String { ServerCall.current?.principal?.name ?? defaultUser }

    /// `namespace/name` split, or a 400.
    static func split(_ repository: String) throws -> (namespace: String, name: String) {
        let parts = repository.split(separator: "/", maxSplits: 1)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw HTTPProblem.badRequest("repository must be namespace/name, not '\(repository)'")
        }
        return (String(parts[0]), String(parts[1]))
    }

    /// A `limit` parameter: at least 1 when given; no limit when not.
    static func limit(_ value: Int?) throws -> Int {
        guard let value else { return Int.max }
        guard value >= 1 else { throw HTTPProblem.badRequest("limit must be at least 1, not \(value)") }
        return value
    }

    /// Quay's names: lowercase letters, digits, `.`, `_` and `-`, starting with a letter or digit.
    static func checkName(_ name: String, _ what: String) throws {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
        guard !name.isEmpty, name.count <= 255, allowed, let first = name.unicodeScalars.first,
              ("a"..."z").contains(first) || ("0"..."9").contains(first) else {
            throw HTTPProblem.badRequest("\(what) '\(name)' is invalid: use lowercase letters, digits, '.', '_' and '-'")
        }
    }
}

/// Seconds since 1970, as Quay reports times.
func timestamp(_ date: Date) -> Int { Int(date.timeIntervalSince1970) }

/// RFC 1123 dates in UTC (`Sun, 22 Nov 2026 10:41:52 -0000`), as Quay's `last_modified` is.
func httpDate(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
    let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
    return "\(weekdays[((parts.weekday ?? 1) - 1) % 7]), \(two(parts.day)) \(months[((parts.month ?? 1) - 1) % 12]) "
        + "\(parts.year ?? 1970) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) -0000"
}
