import APIRuntime
import Foundation
import QuayServer

/// Tokens and their scopes, read from a small file or given on the command line.
///
/// Text, one token per line (`#` starts a comment):
///
/// ```
/// # token[@user]: scope scope ...
/// admin-token@quayadmin: repo:read repo:write repo:admin repo:create user:read user:admin org:admin super:user
/// reader: repo:read
/// ```
///
/// or JSON: `{"reader": ["repo:read"]}` or
/// `[{"token": "reader", "user": "alice", "scopes": ["repo:read"]}]`.
/// A token without `@user` acts as the default user.
public enum TokenFile {
    /// Every OAuth scope of the spec.
    public static let allScopes: Set<String> = ["repo:read", "repo:write", "repo:admin", "repo:create", "user:read",
                                                "user:admin", "org:admin", "super:user"]

    /// Why a token file was not read.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Parses a file's text.
    public static func parse(_ text: String, defaultUser: String) throws -> [String: Principal] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") {
            return try parseJSON(Data(trimmed.utf8), defaultUser: defaultUser)
        }
        var tokens: [String: Principal] = [:]
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else {
                throw Problem(description: "line \(number + 1): expected 'token: scope scope ...'")
            }
            let (token, user) = split(parts[0].trimmingCharacters(in: .whitespaces), defaultUser: defaultUser)
            tokens[token] = try principal(user, scopes: parts[1].split(separator: " ").map(String.init), line: number + 1)
        }
        return tokens
    }

    /// `token=scope,scope` or `token@user=scope,scope`, from `--token`.
    public static func parseFlag(_ flag: String, defaultUser: String) throws -> (String, Principal) {
        let parts = flag.split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else { throw Problem(description: "--token: expected TOKEN=scope,scope (or TOKEN@user=...)") }
        let (token, user) = split(String(parts[0]), defaultUser: defaultUser)
        return (token, try principal(user, scopes: parts[1].split(separator: ",").map(String.init), line: nil))
    }

    private static func split(_ text: String, defaultUser: String) -> (token: String, user: String) {
        let parts = text.split(separator: "@", maxSplits: 1)
        return (String(parts[0]), parts.count == 2 ? String(parts[1]) : defaultUser)
    }

    private static func principal(_ user: String, scopes: [String], line: Int?) throws -> Principal {
        let unknown = scopes.filter { !allScopes.contains($0) }
        guard unknown.isEmpty else {
            throw Problem(description: "\(line.map { "line \($0): " } ?? "")unknown scope \(unknown.joined(separator: ", ")); scopes are \(allScopes.sorted().joined(separator: " "))")
        }
        return Principal(name: user, scopes: Set(scopes))
    }

    private static func parseJSON(_ data: Data, defaultUser: String) throws -> [String: Principal] {
        struct Entry: Decodable { var token: String; var user: String?; var scopes: [String] }
        if let map = try? JSONDecoder().decode([String: [String]].self, from: data) {
            return try map.mapValues { try principal(defaultUser, scopes: $0, line: nil) }
        }
        guard let entries = try? JSONDecoder().decode([Entry].self, from: data) else {
            throw Problem(description: "expected {\"token\": [scopes]} or [{\"token\", \"user\", \"scopes\"}]")
        }
        var tokens: [String: Principal] = [:]
        for entry in entries { tokens[entry.token] = try principal(entry.user ?? defaultUser, scopes: entry.scopes, line: nil) }
        return tokens
    }
}
