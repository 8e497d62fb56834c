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

    @Option(help: "Faults to inject, each with its chance: 429:0.2,503:0.1,reset:0.05 (reset cuts the connection mid-answer).")
    var faults: String?

    @Option(help: "Extra time per request, one value or a range: 50ms..300ms.")
    var latency: String?

    @Option(help: "The seed of the fault and latency draws (the same seed, the same draws in the same order).")
    var seed: UInt64 = 1

    @Option(help: "The Retry-After seconds sent with injected 429 and 503 answers.")
    var retryAfter: Int?

    func validate() throws {
        _ = try faultPlan()
    }

    /// The fault plan the options describe; nil when they ask for none.
    func faultPlan() throws -> FaultPlan? {
        guard faults != nil || latency != nil else { return nil }
        do {
            return FaultPlan(faults: try faults.map(FaultPlan.parseFaults) ?? [], latency: try latency.map(FaultPlan.parseLatency),
                             seed: seed, retryAfter: retryAfter)
        } catch {
            throw ValidationError("\(error)")
        }
    }

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
        let plan = try faultPlan()
        if let plan {
            print("quay-mock: injecting faults \(plan.faults.map { "\($0.fault):\($0.chance)" }.joined(separator: ",")), seed \(plan.seed)")
        }
        let settings = QuayMockApplication.Settings(host: host, port: port, tokens: granted, log: log,
                                                    faults: plan.map(FaultInjector.init(plan:)))
        let count = granted.count
        let app = try QuayMockApplication.make(QuayMockServer(store: store, defaultUser: superuser), settings: settings,
                                               onRunning: { port in
            output.write(Data("quay-mock: serving the Quay API on http://\(settings.host):\(port) (\(count) tokens)\n".utf8))
        })
        try await app.runService()
        output.write(Data("quay-mock: stopped\n".utf8))
    }
}

