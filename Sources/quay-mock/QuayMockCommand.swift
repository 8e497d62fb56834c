import ArgumentParser
import Foundation
import Hummingbird
import QuayMock
import QuayServer

/// `quay-mock`: a fake Quay on loopback, in memory, for testing tools against Quay's API.
@main
struct QuayMockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quay-mock",
        abstract: "Run a fake Red Hat Quay API server in memory.",
        discussion: """
            Users, organizations, repositories, tags, robots, teams, permissions, notifications and \
            policies keep state; every other operation answers with its documented success status. \
            Scopes are enforced per operation, from spec/quay.yaml. Ctrl-C (or SIGTERM) stops it cleanly.

            A tokens file has one token per line, `token[@user]: scope scope ...`, or is JSON \
            ({"token": ["scope", ...]}). With no tokens given, the development token from the README \
            has every scope and acts as the superuser quayadmin.
            """
    )

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8080

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "A file of tokens and their scopes.", completion: .file())
    var tokens: String?

    @Option(name: .customLong("token"), help: "A token and its scopes: TOKEN[@user]=scope,scope (repeatable).")
    var tokenFlags: [String] = []

    @Option(help: "How many items a token-paged list returns at once.")
    var pageSize = 50

    @Option(help: "The superuser that exists from the start, and that tokens without @user act as.")
    var superuser = "quayadmin"

    @Flag(help: "Log nothing per request.")
    var quiet = false

    func run() async throws {
        var granted: [String: Principal] = [:]
        do {
            if let tokens {
                let text = try String(contentsOfFile: tokens, encoding: .utf8)
                granted = try TokenFile.parse(text, defaultUser: superuser)
            }
            for flag in tokenFlags {
                let (token, principal) = try TokenFile.parseFlag(flag, defaultUser: superuser)
                granted[token] = principal
            }
        } catch {
            throw ValidationError("\(error)")
        }
        if granted.isEmpty {
            granted["quay-mock-token"] = Principal(name: superuser, scopes: TokenFile.allScopes)
            print("quay-mock: no tokens given; the development token from the README has every scope")
        }
        let output = FileHandle.standardOutput
        let log: (@Sendable (String) -> Void)? = quiet ? nil : { @Sendable line in output.write(Data((line + "\n").utf8)) }
        let store = QuayStore(superuser: superuser, pageSize: pageSize)
        let settings = QuayMockApplication.Settings(host: host, port: port, tokens: granted, log: log)
        let count = granted.count
        let app = try QuayMockApplication.make(QuayMockServer(store: store, defaultUser: superuser), settings: settings,
                                               onRunning: { port in
            output.write(Data("quay-mock: serving the Quay API on http://\(settings.host):\(port) (\(count) tokens)\n".utf8))
        })
        try await app.runService()
        output.write(Data("quay-mock: stopped\n".utf8))
    }
}

