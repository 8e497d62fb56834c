import APIRuntime
import Foundation
import QuayServer

/// Repository notifications.
extension QuayMockServer {
    public func createRepoNotification(_ input: CreateRepoNotification.Input) async throws -> CreateRepoNotification.Output {
        // The stubs have checked the event and the method against the spec's values.
        return .created(try await store.run { store in
            let uuid = store.nextID("notification")
            let notification = QuayStore.Notification(uuid: uuid, title: input.body.title, event: input.body.event.rawValue,
                                                       method: input.body.method.rawValue, config: input.body.config,
                                                       eventConfig: input.body.eventConfig)
            try store.updateRepository(input.repository) { $0.notifications.append(notification) }
            return store.notificationView(notification)
        })
    }

    public func listRepoNotifications(_ input: ListRepoNotifications.Input) async throws -> ListRepoNotifications.Output {
        .ok(try await store.run { store in
            ListRepoNotificationsResponse(notifications: try store.repository(input.repository).notifications.map(store.notificationView))
        })
    }

    public func getRepoNotification(_ input: GetRepoNotification.Input) async throws -> GetRepoNotification.Output {
        .ok(try await store.run { store in store.notificationView(try store.notification(input.repository, input.uuid)) })
    }

    public func deleteRepoNotification(_ input: DeleteRepoNotification.Input) async throws -> DeleteRepoNotification.Output {
        try await store.run { store in
            _ = try store.notification(input.repository, input.uuid)
            try store.updateRepository(input.repository) { $0.notifications.removeAll { $0.uuid == input.uuid } }
        }
        return .noContent
    }

    public func testRepoNotification(_ input: TestRepoNotification.Input) async throws -> TestRepoNotification.Output {
        _ = try await store.run { try $0.notification(input.repository, input.uuid) }
        return .ok
    }

    public func resetRepositoryNotificationFailures(_ input: ResetRepositoryNotificationFailures.Input) async throws -> ResetRepositoryNotificationFailures.Output {
        try await store.run { store in
            _ = try store.notification(input.repository, input.uuid)
            try store.updateRepository(input.repository) { repository in
                for index in repository.notifications.indices where repository.notifications[index].uuid == input.uuid {
                    repository.notifications[index].failures = 0
                }
            }
        }
        return .noContent
    }
}

extension QuayStore {
    func notification(_ repository: String, _ uuid: String) throws -> Notification {
        guard let found = try self.repository(repository).notifications.first(where: { $0.uuid == uuid }) else {
            throw HTTPProblem.notFound("notification '\(uuid)' does not exist on '\(repository)'")
        }
        return found
    }

    func notificationView(_ notification: Notification) -> RepositoryNotification {
        RepositoryNotification(uuid: notification.uuid, title: notification.title, event: notification.event,
                               method: notification.method, config: notification.config, eventConfig: notification.eventConfig,
                               numberOfFailures: notification.failures)
    }
}
