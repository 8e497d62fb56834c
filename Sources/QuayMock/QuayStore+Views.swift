import APIRuntime
import Foundation
import QuayServer

/// The shapes Quay answers with, built from the store's state: each view is the type the spec
/// declares for it (`spec/quay.yaml`, typed from a real Quay's answers).
extension QuayStore {
    /// The avatar Quay derives from a name: a hash of it and a color from a fixed palette.
    func avatar(_ name: String, kind: AvatarKind) -> Avatar {
        // FNV-1a, twice, for a stable 32-digit hex hash (Quay's is an MD5 of the email or name).
        var first: UInt64 = 0xcbf2_9ce4_8422_2325, second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in name.utf8 {
            first = (first ^ UInt64(byte)) &* 0x100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 1
        }
        let hash = String(format: "%016llx%016llx", first, second)
        let palette = ["#969696", "#aec7e8", "#ff7f0e", "#2ca02c", "#98df8a", "#d62728", "#ff9896", "#9467bd"]
        return Avatar(name: name, hash: hash, color: palette[Int(first % UInt64(palette.count))], kind: kind)
    }

    /// The storage report of a namespace or repository: the mock stores no blobs.
    var emptyQuotaReport: QuotaReport { QuotaReport(quotaBytes: 0, configuredQuota: nil) }

    /// The organizations a user belongs to: an owner, or a member of one of its teams.
    func organizations(of user: String) -> [Organization] {
        organizations.values.filter { $0.owners.contains(user) || $0.teams.values.contains { $0.members.contains(user) } }
            .sorted { $0.name < $1.name }
    }
}
