/**
 * generated — do not edit. Source: packages/contract/staff.yaml
 * Regenerate with `npm run generate -w @civic-elements/contract`.
 */

export interface paths {
    "/staff/v1/queues/{locationId}/call": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Location id.
                 * @example buergerbuero-mitte
                 */
                locationId: components["parameters"]["LocationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call the next waiting ticket to a desk
         * @description Calls the ticket that has waited longest (for `serviceId` only, when given) to `desk`: its
         *     state becomes `called`, it appears first in `nowServing`, and the queue stream sends
         *     `called` then `updated`; the holder's ticket stream sends `called`, and the holder is
         *     notified if they asked to be. Every other waiting ticket's `position` moves up. When
         *     nobody is waiting the answer is `200` with `ticket: null`. Not idempotent (each call
         *     calls the next ticket); it needs no Idempotency-Key because it creates nothing.
         *
         */
        post: operations["callNextTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/tickets/{ticketId}/outcome": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Ticket id.
                 * @example 0e1d2c3b-4a59-4687-9766-5a4b3c2d1e0f
                 */
                ticketId: components["parameters"]["TicketId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a called ticket served or missed
         * @description Final state for a `called` ticket (queue or virtual office): `served` or `missed`. The
         *     holder's stream sends `updated` and closes; `joinUrl` disappears. Idempotent for the same
         *     outcome; a ticket in another final state, or still `waiting`, is `409 conflict`.
         *
         */
        post: operations["setTicketOutcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/queues/{locationId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Location id.
                 * @example buergerbuero-mitte
                 */
                locationId: components["parameters"]["LocationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Set the ticker and welcome texts, open or close online tickets
         * @description Only the properties present change; `null` removes a text. A ticker change sends `ticker`
         *     then `updated` on the queue stream; other changes send `updated`.
         *
         */
        patch: operations["updateQueue"];
        trace?: never;
    };
    "/staff/v1/offices/{officeId}/chairs/{chairId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Virtual office id.
                 * @example videobuero-buergeramt
                 */
                officeId: components["parameters"]["OfficeId"];
                /**
                 * @description The chair (a staff member's seat), e.g. `1`. A new id creates the chair.
                 * @example 1
                 */
                chairId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        get?: never;
        /**
         * Open or close a chair of a virtual office
         * @description `open: true` adds the chair to `chairsTotal` and, when it is not in a call, to
         *     `chairsFree`; `open: false` removes it (a call in progress ends first). Idempotent. The
         *     office stream sends `updated`.
         *
         */
        put: operations["setOfficeChair"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/offices/{officeId}/call": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Virtual office id.
                 * @example videobuero-buergeramt
                 */
                officeId: components["parameters"]["OfficeId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Call the next waiting-room ticket into a chair's video room
         * @description Calls the ticket that has waited longest to the open chair `chairId`: state `called`,
         *     `desk` = the chair's name, and `joinUrl` set (visible only to the holder with the ticket
         *     token). The chair counts as busy until the ticket gets an outcome. `200` with
         *     `ticket: null` when nobody waits; `409 conflict` when the chair is closed or busy.
         *
         */
        post: operations["callOfficeTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/cases/{caseId}/updates": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Case id from `lookupCase`.
                 * @example c-4711
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a case's status, step, history, actions required or result
         * @description Applies all given changes in one revision (the case stream sends one `case.updated`):
         *
         *     - `status` replaces the status (`since` = now, with time);
         *     - `currentStep`: that step becomes `current` (reached now), earlier steps `done`, later
         *       ones `upcoming`; `completeSteps: true` instead marks every step `done` (case finished);
         *     - `history` is prepended (dated now);
         *     - `addActionRequired` appends an action (same `id` replaces it); `resolveActionRequired`
         *       removes the action with that id;
         *     - `result`, `suspension`, `expectedCompletion`, `pickup` replace the value (`null`
         *       removes it); `addDocument` appends a document.
         *
         *     Not idempotent: repeating it adds history entries again. `400 validation_failed` for an
         *     unknown step code or an empty body.
         *
         */
        post: operations["updateCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/chat/conversations": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path?: never;
            cookie?: never;
        };
        /**
         * List conversations (for agents and the simulator)
         * @description Oldest first. Without `status`, the conversations that are not ended.
         */
        get: operations["listConversations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/chat/conversations/{conversationId}/messages": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Conversation id.
                 * @example 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
                 */
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        /**
         * Read a conversation's messages
         * @description Same paging as the citizen `listMessages` (`after`, `limit`; ascending `seq`).
         */
        get: operations["listConversationMessagesAsStaff"];
        put?: never;
        /**
         * Post a message as an agent, the bot or the system
         * @description Appends a message (next `seq`) and sends `message` on the conversation stream. A bot
         *     message may carry `suggestions` (quick replies). `409 conversation_ended` once ended.
         *
         */
        post: operations["replyInChat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/chat/conversations/{conversationId}/join": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Conversation id.
                 * @example 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
                 */
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Join a conversation as an agent
         * @description The conversation becomes `active` with `agent`; the stream sends `agent_joined` (with the
         *     next `seq`). Joining again with the same name is a no-op (`200`); `409 conversation_ended`
         *     once ended.
         *
         */
        post: operations["joinConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/chat/conversations/{conversationId}/typing": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Conversation id.
                 * @example 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
                 */
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Show or hide the typing indicator of an agent or the bot
         * @description Sends `typing` on the conversation stream (ephemeral, not stored).
         */
        post: operations["staffTyping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/chat/conversations/{conversationId}/end": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Conversation id.
                 * @example 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
                 */
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a conversation from the desk
         * @description `status: ended`, `endedBy: agent`; the stream sends `conversation_ended` and closes.
         *     Idempotent (`200` with the ended conversation). No request body.
         *
         */
        post: operations["endConversationAsStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/chat/desk": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Staff the desk and set its welcome text
         * @description Only the properties present change (`welcomeText: null` removes it). What
         *     `getChatAvailability` returns afterwards.
         *
         */
        patch: operations["updateChatDesk"];
        trace?: never;
    };
    "/staff/v1/blocks": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Block slots (cancels and notifies affected bookings)
         * @description Makes every slot at `location` that overlaps `[from, to)` unavailable (for `services`
         *     only, when given). Every confirmed booking overlapping the block is **cancelled**
         *     (`status: cancelled`, `cancelledBy: office`, `cancellationReason` = `reason`) and its
         *     citizen is **notified by e-mail** with the reason and a link to book again; the response
         *     lists them. Active holds overlapping the block become invalid (`createBooking` answers
         *     `409 hold_expired`). Availability no longer offers the blocked slots.
         *
         */
        post: operations["blockSlots"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/blocks/{blockId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Block id.
                 * @example 2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7a8b
                 */
                blockId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Release blocked slots
         * @description The slots become bookable again (cancelled bookings stay cancelled) and matching
         *     waiting-list entries are notified. Idempotent (`204` again for a released block).
         *
         */
        delete: operations["releaseBlock"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/staff/v1/services/{serviceId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Service id.
                 * @example personalausweis
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a service's name or description
         * @description Changes the texts for `locale` (default `de`); other languages keep theirs. Returns the
         *     service in that locale. At least one of `name` and `description` is required
         *     (`400 validation_failed`).
         *
         */
        patch: operations["updateService"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        CallNextRequest: {
            desk: components["schemas"]["Desk"];
            /** @description Only tickets for this service. */
            serviceId?: components["schemas"]["Id"];
        };
        CallResult: {
            /** @description The called ticket, or `null` when nobody was waiting. */
            ticket: components["schemas"]["Ticket"] | null;
        };
        TicketOutcomeRequest: {
            /** @enum {string} */
            outcome: "served" | "missed";
        };
        QueueUpdateRequest: {
            /** @description New ticker text, or `null` to remove it. */
            ticker?: string | null;
            /** @description New welcome text, or `null` to remove it. */
            welcomeText?: string | null;
            ticketsOnline?: boolean;
        };
        ChairRequest: {
            open: boolean;
            /** @description Shown to the citizen as `desk` when called (default "Platz <chairId>"). */
            name?: components["schemas"]["Desk"];
        };
        OfficeCallRequest: {
            chairId: components["schemas"]["Id"];
            /** @description The video room the holder should join. */
            joinUrl: components["schemas"]["HttpsUrl"];
        };
        CaseStatusInput: {
            code: components["schemas"]["Code"];
            label: string;
        };
        CaseHistoryInput: {
            title: string;
            description?: string;
            actor?: string;
        };
        CaseUpdateRequest: {
            status?: components["schemas"]["CaseStatusInput"];
            currentStep?: components["schemas"]["Code"];
            /** @description Mark every step `done` (the case is finished). */
            completeSteps?: boolean;
            history?: components["schemas"]["CaseHistoryInput"];
            addActionRequired?: components["schemas"]["ActionRequired"];
            resolveActionRequired?: components["schemas"]["Id"];
            result?: components["schemas"]["CaseResult"] | null;
            suspension?: components["schemas"]["Suspension"] | null;
            expectedCompletion?: components["schemas"]["CalendarDate"] | null;
            pickup?: components["schemas"]["Pickup"] | null;
            addDocument?: components["schemas"]["CaseDocument"];
        };
        ConversationList: {
            items: components["schemas"]["Conversation"][];
        };
        StaffAuthor: {
            /** @enum {string} */
            kind: "agent" | "bot" | "system";
            name?: string;
        };
        StaffMessageRequest: {
            author: components["schemas"]["StaffAuthor"];
            text: string;
            suggestions?: components["schemas"]["Suggestion"][];
            attachmentIds?: components["schemas"]["Uuid"][];
        };
        JoinRequest: {
            agent: {
                name: string;
            };
        };
        StaffTypingRequest: {
            author: components["schemas"]["StaffAuthor"];
            active: boolean;
        };
        ChatDeskUpdateRequest: {
            online?: boolean;
            agentsOnline?: number;
            expectedReplySeconds?: number | null;
            welcomeText?: string | null;
        };
        BlockRequest: {
            location: components["schemas"]["Id"];
            from: components["schemas"]["DateTime"];
            /** @description Exclusive end; must be after `from`. */
            to: components["schemas"]["DateTime"];
            /** @description Only these services; omitted = all services at the location. */
            services?: components["schemas"]["Id"][];
            /** @description Shown to the citizens whose bookings are cancelled. */
            reason: string;
        };
        CancelledBooking: {
            id: components["schemas"]["Uuid"];
            reference: string;
            /** @description The cancellation e-mail was handed to the mailer. */
            notified: boolean;
        };
        Block: {
            id: components["schemas"]["Uuid"];
            location: components["schemas"]["Id"];
            from: components["schemas"]["DateTime"];
            to: components["schemas"]["DateTime"];
            services?: components["schemas"]["Id"][];
            reason: string;
            blockedSlots: number;
            cancelledBookings: components["schemas"]["CancelledBooking"][];
            createdAt: components["schemas"]["DateTime"];
        };
        ServiceUpdateRequest: {
            locale?: components["schemas"]["Locale"];
            name?: string;
            description?: string;
        };
        /**
         * @description Stable catalogue id (service, location, office, topic).
         * @example personalausweis
         */
        Id: string;
        /**
         * @description Where the ticket is called to (Platz, Raum, Schalter), as displayed.
         * @example Platz 3
         */
        Desk: string;
        /**
         * @description The one list of error codes. Clients switch on `code`; the HTTP status of each code is
         *     fixed (see `x-civic-problem-codes`, which also names the extension members each carries).
         *
         * @enum {string}
         */
        ProblemCode: "bad_request" | "validation_failed" | "unauthorized" | "forbidden" | "proof_invalid" | "not_found" | "case_not_found" | "hold_not_found" | "hold_expired" | "hold_extension_limit" | "slot_taken" | "too_late" | "conversation_ended" | "closed" | "full" | "conflict" | "idempotency_in_progress" | "booking_limit_reached" | "idempotency_mismatch" | "attachment_rejected" | "payload_too_large" | "unsupported_media_type" | "rate_limited" | "internal" | "unavailable";
        ValidationError: {
            /** @enum {string} */
            in: "body" | "query" | "path" | "header";
            /** @description JSON Pointer (RFC 6901) into the body, for `in` body: the value at fault itself (`/contact/email`, `/notify/email`), also for a missing or unknown property (its own pointer, not its parent's). The widgets mark the form field a pointer names, with its error text and the focus, instead of a general message (conformance rule `rule:field-error-pointer`). */
            pointer?: string;
            /** @description Name of the parameter or header, for other `in` values. */
            parameter?: string;
            detail: string;
        };
        /**
         * Format: date-time
         * @description RFC 3339 date-time in the location's local offset (`+01:00`), never `Z`.
         * @example 2026-12-07T09:30:00+01:00
         */
        LocalDateTime: string;
        Slot: {
            start: components["schemas"]["LocalDateTime"];
            end: components["schemas"]["LocalDateTime"];
            /** @description How many appointments can still start at this time here (informational). */
            seats: number;
            location: components["schemas"]["Id"];
        };
        /**
         * Format: date-time
         * @description RFC 3339 date-time with seconds and an offset or `Z`.
         * @example 2026-12-01T09:12:05+01:00
         */
        DateTime: string;
        /** @description RFC 9457 problem details with the Civic Elements `code` and extension members. */
        Problem: {
            /**
             * Format: uri-reference
             * @description Problem type URI; the reference server uses `urn:civic:problem:<code>`.
             */
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** Format: uri-reference */
            instance?: string;
            code: components["schemas"]["ProblemCode"];
            /** @description `validation_failed`: each violation. */
            errors?: components["schemas"]["ValidationError"][];
            /** @description `slot_taken`: nearest free slots, earliest first. */
            alternatives?: components["schemas"]["Slot"][];
            /** @description `booking_limit_reached`: the configured limit. */
            limit?: number;
            /** @description `rate_limited`, `unavailable`, `idempotency_in_progress`: seconds to wait. */
            retryAfter?: number;
            /** @description `payload_too_large`: the largest accepted size. */
            maxBytes?: number;
            /** @description `unsupported_media_type`: the accepted media types. */
            types?: string[];
            /** @description `too_late`: the time after which online changes were no longer possible. */
            deadline?: components["schemas"]["DateTime"];
            /** @description `closed`: the next opening, when known. */
            nextOpening?: components["schemas"]["DateTime"];
        };
        /**
         * Format: uuid
         * @description Server-generated id (RFC 9562 UUID, lower case).
         * @example 7f0c3c52-8a8e-4a3e-9b3e-2f3f4d9d1a10
         */
        Uuid: string;
        /**
         * @description The public number shown on the call display.
         * @example A042
         */
        TicketNumber: string;
        /**
         * @description `served`, `missed` and `cancelled` are final.
         * @enum {string}
         */
        TicketState: "waiting" | "called" | "served" | "missed" | "cancelled";
        /** @description Estimated wait in minutes, or `null` when no estimate is possible. */
        EstimatedWaitMinutes: number | null;
        /**
         * Format: uri
         * @description Absolute `https://` URL (`http://` only for local development).
         * @example https://www.musterstadt.de/personalausweis
         */
        HttpsUrl: string;
        /**
         * @description Version of a resource; grows with every change. Also the SSE event id of state streams.
         * @example 12
         */
        Revision: number;
        /** @description A ticket as its holder sees it. Exactly one of `location` (queue) and `office` is present. */
        Ticket: {
            id: components["schemas"]["Uuid"];
            number: components["schemas"]["TicketNumber"];
            state: components["schemas"]["TicketState"];
            /** @description People ahead while `waiting` (0 = next); 0 in every other state. */
            position: number;
            estimatedWaitMinutes: components["schemas"]["EstimatedWaitMinutes"];
            serviceId: components["schemas"]["Id"];
            /** @description The queue's location (queue tickets). */
            location?: components["schemas"]["Id"];
            /** @description The virtual office (waiting-room tickets). */
            office?: components["schemas"]["Id"];
            desk?: components["schemas"]["Desk"];
            calledAt?: components["schemas"]["DateTime"];
            /** @description Virtual offices only, only while `called`; the video room link. */
            joinUrl?: components["schemas"]["HttpsUrl"];
            createdAt: components["schemas"]["DateTime"];
            updatedAt: components["schemas"]["DateTime"];
            revision: components["schemas"]["Revision"];
        };
        /**
         * @description IANA time-zone name.
         * @example Europe/Berlin
         */
        TimeZone: string;
        /**
         * @description Local wall-clock time `HH:MM` (24-hour); `24:00` only as a closing time.
         * @example 08:00
         */
        TimeOfDay: string;
        TimeRange: {
            opens: components["schemas"]["TimeOfDay"];
            closes: components["schemas"]["TimeOfDay"];
        };
        QueueCall: {
            ticket: components["schemas"]["TicketNumber"];
            desk: components["schemas"]["Desk"];
            calledAt: components["schemas"]["DateTime"];
            serviceId?: components["schemas"]["Id"];
        };
        QueueServiceWait: {
            serviceId: components["schemas"]["Id"];
            name: string;
            waiting: number;
            estimatedWaitMinutes: components["schemas"]["EstimatedWaitMinutes"];
        };
        /** @description Channels by which ticket holders can be notified. */
        NotificationChannels: {
            email: boolean;
            sms: boolean;
        };
        QueueStatus: {
            location: components["schemas"]["Id"];
            name: string;
            timeZone: components["schemas"]["TimeZone"];
            /** @description Walk-ins are served now. */
            open: boolean;
            /** @description Today's opening intervals (empty when closed all day). */
            todayHours: components["schemas"]["TimeRange"][];
            /** @description Most recent calls, newest first, at most 10. */
            nowServing: components["schemas"]["QueueCall"][];
            waitingCount: number;
            services: components["schemas"]["QueueServiceWait"][];
            /** @description Tickets can be taken online now (`takeQueueTicket`). */
            ticketsOnline: boolean;
            notifications: components["schemas"]["NotificationChannels"];
            /** @description Running text for the display (plain text); omitted when none. */
            ticker?: string;
            /** @description Welcome text for the display; omitted when none. */
            welcomeText?: string;
            updatedAt: components["schemas"]["DateTime"];
            revision: components["schemas"]["Revision"];
        };
        /** @description One weekly opening interval; several entries per weekday are allowed. */
        OpeningHours: {
            /** @description ISO weekday, 1 = Monday … 7 = Sunday. */
            weekday: number;
            opens: components["schemas"]["TimeOfDay"];
            closes: components["schemas"]["TimeOfDay"];
        };
        /**
         * Format: date
         * @description Calendar date `YYYY-MM-DD`, local to the resource's time zone.
         * @example 2026-12-07
         */
        CalendarDate: string;
        ClosedDay: {
            date: components["schemas"]["CalendarDate"];
            /** @constant */
            closed: true;
            /** @description E.g. "Heiligabend"; may be empty. */
            reason: string;
        };
        SpecialHours: {
            date: components["schemas"]["CalendarDate"];
            /** @constant */
            closed: false;
            opens: components["schemas"]["TimeOfDay"];
            closes: components["schemas"]["TimeOfDay"];
            reason: string;
        };
        /** @description A date whose hours differ from the weekly ones (holiday, closure, special hours). For a
         *     date with several special intervals there are several entries. Lists cover at least the
         *     appointment horizon.
         *      */
        HoursException: components["schemas"]["ClosedDay"] | components["schemas"]["SpecialHours"];
        Office: {
            id: components["schemas"]["Id"];
            name: string;
            description?: string;
            timeZone: components["schemas"]["TimeZone"];
            openNow: boolean;
            /** @description Weekly opening intervals. */
            hours: components["schemas"]["OpeningHours"][];
            exceptions: components["schemas"]["HoursException"][];
            /** @description When not `openNow`, the next opening (if known). */
            nextOpening?: components["schemas"]["DateTime"];
            /** @description Open chairs not in a call right now. */
            chairsFree: number;
            /** @description Chairs open now. */
            chairsTotal: number;
            waiting: number;
            estimatedWaitMinutes: components["schemas"]["EstimatedWaitMinutes"];
            serviceId: components["schemas"]["Id"];
            /** @description The waiting room accepts tickets now. */
            ticketsOnline: boolean;
            updatedAt: components["schemas"]["DateTime"];
            revision: components["schemas"]["Revision"];
        };
        /**
         * @description Opaque case id chosen by the case system.
         * @example c-4711
         */
        CaseId: string;
        /** @description Machine-readable code (snake_case). */
        Code: string;
        /** @enum {string} */
        ActionKind: "document" | "reply" | "appointment" | "payment" | "signature" | "other";
        ActionRequired: {
            id: components["schemas"]["Id"];
            kind: components["schemas"]["ActionKind"];
            title: string;
            description: string;
            dueDate?: components["schemas"]["CalendarDate"];
            /** @description Where to do it (upload form, payment page). */
            url?: components["schemas"]["HttpsUrl"];
            /** @description For `appointment`, the service to book (the widget fires `civic-request-appointment`). */
            serviceId?: components["schemas"]["Id"];
        };
        CaseResult: {
            /** @enum {string} */
            decision: "approved" | "partially_approved" | "rejected" | "withdrawn" | "other";
            /** @description Citizen-facing wording of the decision (required for `other`). */
            label?: string;
            explanation: string;
        };
        Suspension: {
            /**
             * @description `paused`: processing stops (e.g. waiting for the citizen); `extended`: the deadline moved.
             * @enum {string}
             */
            kind: "paused" | "extended";
            reason: string;
            since: components["schemas"]["CalendarDate"];
            until?: components["schemas"]["CalendarDate"];
        };
        Pickup: {
            /** @description The document is ready for pickup. */
            ready: boolean;
            /** @description The service to book a pickup appointment for. */
            serviceId: components["schemas"]["Id"];
        };
        CaseDocument: {
            title: string;
            url?: components["schemas"]["HttpsUrl"];
            availableFrom?: components["schemas"]["CalendarDate"];
        };
        /** @description A point in time that may be known only to the day. `date` is always present (local date in
         *     the case's time zone); `dateTime` is present only when the time of day is known. Show the
         *     time only when `dateTime` is present — never "00:00" for a date-only moment.
         *      */
        Moment: {
            date: components["schemas"]["CalendarDate"];
            dateTime?: components["schemas"]["DateTime"];
        };
        CaseStatus: {
            code: components["schemas"]["Code"];
            /** @description Citizen-facing wording of the status. */
            label: string;
            since: components["schemas"]["Moment"];
        };
        /** @enum {string} */
        StepState: "done" | "current" | "upcoming";
        CaseStep: {
            code: components["schemas"]["Code"];
            label: string;
            state: components["schemas"]["StepState"];
            /** @description When the step was reached (done and current steps, when known). */
            reachedAt?: components["schemas"]["Moment"];
        };
        CaseHistoryEntry: {
            at: components["schemas"]["Moment"];
            title: string;
            description?: string;
            /** @description Who did it (office or department; never a staff member's private data). */
            actor?: string;
        };
        /**
         * @description Phone number, international (`+49 …`) or national format.
         * @example +49 151 23456789
         */
        Phone: string;
        /**
         * Format: idn-email
         * @description E-mail address, internationalised ones included (RFC 6531): `anna@müller-bäckerei.de`, the
         *     same domain in A-label form `anna@xn--mller-bckerei-hfb76a.de` (what browsers' `<input
         *     type="email">` give for a typed Unicode domain) and `jörg@example.de` are all valid.
         *
         *     `format: idn-email`, JSON Schema's name for RFC 6531 addresses: `email` allows ASCII
         *     addresses only, and validators refused these with 400. Validators do not agree on what
         *     `idn-email` checks (many ignore it; Ajv has no such format), so the format means exactly
         *     this, and every back end checks it (the reference implementation is `isIdnEmail` in
         *     `@civic-elements/contract`):
         *
         *     - exactly one `@`; the local part is a dot-atom (no quoted strings, no leading, trailing
         *       or double dots) of 1–64 UTF-8 octets: ASCII `atext` and any non-ASCII character except
         *       spaces, controls, format characters (bidi controls, zero-width characters), surrogates
         *       and private-use characters;
         *     - the domain has at least two labels; each is an ASCII label of letters, digits and
         *       hyphens (an `xn--` label must be the canonical Punycode of a U-label) or a U-label of
         *       letters, marks, digits and hyphens; no label starts or ends with a hyphen or has `--` in
         *       positions 3–4 unless it is an `xn--` label; in A-label form (IDNA as the WHATWG URL
         *       standard does it: UTS #46, non-transitional, so `ß` stays `ß`) a label has at most 63
         *       octets and the domain at most 253; the top-level domain is alphabetic or an `xn--`
         *       label (no IP addresses, no address literals, no trailing dot);
         *     - the whole address has at most 254 UTF-8 octets, also with its domain in A-label form.
         *
         *     A back end keeps the address as sent. A Unicode domain and its A-label form name the same
         *     mailbox: limits per address (`booking_limit_reached`) compare addresses with the domain in
         *     A-label form and the local part in NFC, case-insensitively. Mail to a non-ASCII local part
         *     needs a mail server with SMTPUTF8.
         *
         * @example erika@example.org
         * @example anna@müller-bäckerei.de
         * @example jörg@example.de
         */
        Email: string;
        CaseContact: {
            name?: string;
            phone?: components["schemas"]["Phone"];
            email?: components["schemas"]["Email"];
            url?: components["schemas"]["HttpsUrl"];
        };
        Case: {
            id: components["schemas"]["CaseId"];
            reference: string;
            title: string;
            status: components["schemas"]["CaseStatus"];
            /** @description Fixed ordered steps; exactly one is `current` unless all are `done`. */
            steps: components["schemas"]["CaseStep"][];
            /** @description Newest first. */
            history: components["schemas"]["CaseHistoryEntry"][];
            expectedCompletion?: components["schemas"]["CalendarDate"];
            legalDeadline?: components["schemas"]["CalendarDate"];
            suspension?: components["schemas"]["Suspension"];
            actionsRequired: components["schemas"]["ActionRequired"][];
            result?: components["schemas"]["CaseResult"];
            documents: components["schemas"]["CaseDocument"][];
            contact: components["schemas"]["CaseContact"];
            pickup?: components["schemas"]["Pickup"];
            timeZone: components["schemas"]["TimeZone"];
            revision: components["schemas"]["Revision"];
            updatedAt: components["schemas"]["DateTime"];
        };
        /**
         * @description `waiting` for an agent (a bot may answer meanwhile), `active` with an agent, `ended`.
         * @enum {string}
         */
        ConversationStatus: "waiting" | "active" | "ended";
        /**
         * @description BCP 47 language tag; `de-x-ls` is Leichte Sprache.
         * @example de
         */
        Locale: string;
        Agent: {
            /** @description Display name (often a first name or a role, never a full private identity). */
            name?: string;
        };
        /** @enum {string} */
        EndedBy: "citizen" | "agent" | "system";
        /**
         * @description A chat sequence number, or 0 for "before the first message".
         * @example 12
         */
        Seq0: number;
        Conversation: {
            id: components["schemas"]["Uuid"];
            status: components["schemas"]["ConversationStatus"];
            locale: components["schemas"]["Locale"];
            topic?: components["schemas"]["Id"];
            /** @description Present once an agent joined. */
            agent?: components["schemas"]["Agent"];
            /** @description While `waiting`, the number of conversations ahead plus one. */
            queuePosition?: number;
            createdAt: components["schemas"]["DateTime"];
            endedAt?: components["schemas"]["DateTime"];
            endedBy?: components["schemas"]["EndedBy"];
            lastSeq: components["schemas"]["Seq0"];
        };
        /** @example 2c1d0e9f-8a7b-4c6d-9e5f-4a3b2c1d0e9f */
        ClientId: string;
        /** @enum {string} */
        AuthorKind: "citizen" | "agent" | "bot" | "system";
        Author: {
            kind: components["schemas"]["AuthorKind"];
            name?: string;
        };
        Attachment: {
            id: components["schemas"]["Uuid"];
            name: string;
            type: string;
            /** @description Bytes. */
            size: number;
        };
        Suggestion: {
            /** @description Label of the quick reply; choosing it sends this text as a message. */
            text: string;
        };
        Message: {
            id: components["schemas"]["Uuid"];
            /** @description Server order within the conversation, strictly increasing; the SSE id. */
            seq: number;
            /** @description The citizen's `clientId` (citizen messages only). */
            clientId?: components["schemas"]["ClientId"];
            author: components["schemas"]["Author"];
            /** @description Plain text; may be empty when attachments are present. */
            text: string;
            createdAt: components["schemas"]["DateTime"];
            attachments: components["schemas"]["Attachment"][];
            /** @description Quick replies (bot messages); empty otherwise. Only the latest message's are offered. */
            suggestions: components["schemas"]["Suggestion"][];
        };
        MessagePage: {
            items: components["schemas"]["Message"][];
            hasMore: boolean;
        };
        IdempotencyMismatchProblem: components["schemas"]["Problem"] & {
            /** @constant */
            code: "idempotency_mismatch";
        };
        OfficeHours: {
            timeZone: components["schemas"]["TimeZone"];
            weekly: components["schemas"]["OpeningHours"][];
            exceptions: components["schemas"]["HoursException"][];
        };
        AttachmentLimits: {
            /** @description Largest accepted file in bytes (0 = attachments disabled). */
            maxBytes: number;
            /** @description Accepted media types. */
            types: string[];
            maxPerMessage: number;
        };
        ChatTopic: {
            id: components["schemas"]["Id"];
            label: string;
        };
        ChatAvailability: {
            /** @description New conversations are accepted now (agents or a bot are answering). */
            online: boolean;
            /** @description Human agents available now (0 with `online` true = bot only). */
            agentsOnline: number;
            /** @description Typical time to a first human reply, or `null` when unknown. */
            expectedReplySeconds: number | null;
            officeHours: components["schemas"]["OfficeHours"];
            /** @description When `online` is false, the next time the desk opens (if known). */
            nextOpening?: components["schemas"]["DateTime"];
            attachments: components["schemas"]["AttachmentLimits"];
            /** @description Topics a citizen may choose when starting; may be empty. */
            topics: components["schemas"]["ChatTopic"][];
            /** @description Greeting shown before the conversation starts (plain text). */
            welcomeText?: string;
        };
        IdempotencyInProgressProblem: components["schemas"]["Problem"] & {
            /** @constant */
            code: "idempotency_in_progress";
            retryAfter: number;
        };
        Money: {
            /** @description Amount in major units (euros) with at most two decimals. */
            amount: number;
            /** @description ISO 4217 code. */
            currency: string;
        };
        /**
         * @description `in_person` at the location, `phone` (the office calls), `video` (a `joinUrl` is sent).
         * @enum {string}
         */
        AppointmentType: "in_person" | "phone" | "video";
        Service: {
            id: components["schemas"]["Id"];
            name: string;
            /** @description Plain text (no HTML), may be empty. */
            description: string;
            /** @description Duration for quantity 1; the server computes the real slot length for a combination. */
            durationMinutes: number;
            /** @description How many times the service can be booked in one appointment (e.g. passports for a family). */
            maxQuantity: number;
            /** @description What to bring, plain text, in display order. */
            requiredDocuments: string[];
            /** @description The fee, or `null` when the service is free of charge. */
            fee: components["schemas"]["Money"] | null;
            appointmentTypes: components["schemas"]["AppointmentType"][];
            url?: components["schemas"]["HttpsUrl"];
        };
    };
    responses: {
        /** @description The `X-Staff-Key` header is missing or wrong. */
        StaffUnauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code: "unauthorized";
                };
            };
        };
        /** @description Any other error, typically `500 internal` or `503 unavailable` (with `Retry-After` and
         *     `retryAfter` when the outage is planned).
         *      */
        Error: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request is malformed (`bad_request`: unparsable JSON, wrong content type) or violates
         *     the schema or a documented rule (`validation_failed`, with `errors`).
         *      */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code: "bad_request" | "validation_failed";
                };
            };
        };
        /** @description The addressed resource, a referenced id, or the town (`X-Civic-AGS`) does not exist. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code: "not_found";
                };
            };
        };
        /** @description The resource's current state does not allow this action. */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code: "conflict";
                };
            };
        };
        /** @description The Idempotency-Key was already used with a different request. */
        IdempotencyMismatch: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["IdempotencyMismatchProblem"];
            };
        };
        /** @description The conversation has ended. */
        ConversationEnded: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code: "conversation_ended";
                };
            };
        };
        /** @description A request with the same Idempotency-Key is still being processed. */
        IdempotencyInProgress: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["IdempotencyInProgressProblem"];
            };
        };
    };
    parameters: {
        /**
         * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
         *     Unknown AGS → `404 not_found`; absent → the back end's default town.
         *
         * @example 09162000
         */
        CivicAgs: string;
        /**
         * @description Location id.
         * @example buergerbuero-mitte
         */
        LocationId: components["schemas"]["Id"];
        /**
         * @description Ticket id.
         * @example 0e1d2c3b-4a59-4687-9766-5a4b3c2d1e0f
         */
        TicketId: components["schemas"]["Uuid"];
        /**
         * @description Virtual office id.
         * @example videobuero-buergeramt
         */
        OfficeId: components["schemas"]["Id"];
        /**
         * @description Case id from `lookupCase`.
         * @example c-4711
         */
        CaseId: components["schemas"]["CaseId"];
        /**
         * @description Conversation id.
         * @example 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
         */
        ConversationId: components["schemas"]["Uuid"];
        /**
         * @description Client-chosen key for this creating request, reused unchanged for its retries. Stored with
         *     the response for 24 hours: same key + same request → same response (`Idempotent-Replayed:
         *     true`); same key + different request → `422 idempotency_mismatch`; still in progress →
         *     `409 idempotency_in_progress`.
         *
         * @example 1b4e28ba-2fa1-41d2-883f-0016d3cca427
         */
        IdempotencyKey: string;
        /**
         * @description Service id.
         * @example personalausweis
         */
        ServiceId: components["schemas"]["Id"];
    };
    requestBodies: never;
    headers: {
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    callNextTicket: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Location id.
                 * @example buergerbuero-mitte
                 */
                locationId: components["parameters"]["LocationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CallNextRequest"];
            };
        };
        responses: {
            /** @description The called ticket, or `null` when nobody is waiting. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    setTicketOutcome: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Ticket id.
                 * @example 0e1d2c3b-4a59-4687-9766-5a4b3c2d1e0f
                 */
                ticketId: components["parameters"]["TicketId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TicketOutcomeRequest"];
            };
        };
        responses: {
            /** @description The ticket in its final state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    updateQueue: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Location id.
                 * @example buergerbuero-mitte
                 */
                locationId: components["parameters"]["LocationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueUpdateRequest"];
            };
        };
        responses: {
            /** @description The queue after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    setOfficeChair: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Virtual office id.
                 * @example videobuero-buergeramt
                 */
                officeId: components["parameters"]["OfficeId"];
                /**
                 * @description The chair (a staff member's seat), e.g. `1`. A new id creates the chair.
                 * @example 1
                 */
                chairId: components["schemas"]["Id"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChairRequest"];
            };
        };
        responses: {
            /** @description The office after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Office"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    callOfficeTicket: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Virtual office id.
                 * @example videobuero-buergeramt
                 */
                officeId: components["parameters"]["OfficeId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OfficeCallRequest"];
            };
        };
        responses: {
            /** @description The called ticket, or `null` when nobody is waiting. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            default: components["responses"]["Error"];
        };
    };
    updateCase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Case id from `lookupCase`.
                 * @example c-4711
                 */
                caseId: components["parameters"]["CaseId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseUpdateRequest"];
            };
        };
        responses: {
            /** @description The case after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    listConversations: {
        parameters: {
            query?: {
                /**
                 * @description Only conversations in this state.
                 * @example waiting
                 */
                status?: components["schemas"]["ConversationStatus"];
            };
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            default: components["responses"]["Error"];
        };
    };
    listConversationMessagesAsStaff: {
        parameters: {
            query?: {
                /**
                 * @description Return messages with a higher `seq` than this.
                 * @example 12
                 */
                after?: components["schemas"]["Seq0"];
                /**
                 * @description Page size.
                 * @example 50
                 */
                limit?: number;
            };
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Conversation id.
                 * @example 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
                 */
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    replyInChat: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
                /**
                 * @description Client-chosen key for this creating request, reused unchanged for its retries. Stored with
                 *     the response for 24 hours: same key + same request → same response (`Idempotent-Replayed:
                 *     true`); same key + different request → `422 idempotency_mismatch`; still in progress →
                 *     `409 idempotency_in_progress`.
                 *
                 * @example 1b4e28ba-2fa1-41d2-883f-0016d3cca427
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path: {
                /**
                 * @description Conversation id.
                 * @example 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
                 */
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffMessageRequest"];
            };
        };
        responses: {
            /** @description The stored message. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            /** @description The conversation has ended, or the same Idempotency-Key is still being processed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code: "conversation_ended" | "idempotency_in_progress";
                    };
                };
            };
            422: components["responses"]["IdempotencyMismatch"];
            default: components["responses"]["Error"];
        };
    };
    joinConversation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Conversation id.
                 * @example 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
                 */
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["JoinRequest"];
            };
        };
        responses: {
            /** @description The conversation after joining. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ConversationEnded"];
            default: components["responses"]["Error"];
        };
    };
    staffTyping: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Conversation id.
                 * @example 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
                 */
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffTypingRequest"];
            };
        };
        responses: {
            /** @description Sent. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ConversationEnded"];
            default: components["responses"]["Error"];
        };
    };
    endConversationAsStaff: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Conversation id.
                 * @example 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d
                 */
                conversationId: components["parameters"]["ConversationId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ended conversation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    updateChatDesk: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChatDeskUpdateRequest"];
            };
        };
        responses: {
            /** @description The desk's availability after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatAvailability"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            default: components["responses"]["Error"];
        };
    };
    blockSlots: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
                /**
                 * @description Client-chosen key for this creating request, reused unchanged for its retries. Stored with
                 *     the response for 24 hours: same key + same request → same response (`Idempotent-Replayed:
                 *     true`); same key + different request → `422 idempotency_mismatch`; still in progress →
                 *     `409 idempotency_in_progress`.
                 *
                 * @example 1b4e28ba-2fa1-41d2-883f-0016d3cca427
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockRequest"];
            };
        };
        responses: {
            /** @description The block, with the bookings it cancelled. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Block"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyInProgress"];
            422: components["responses"]["IdempotencyMismatch"];
            default: components["responses"]["Error"];
        };
    };
    releaseBlock: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Block id.
                 * @example 2a3b4c5d-6e7f-4081-9a2b-3c4d5e6f7a8b
                 */
                blockId: components["schemas"]["Uuid"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Released. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
    updateService: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
            };
            path: {
                /**
                 * @description Service id.
                 * @example personalausweis
                 */
                serviceId: components["parameters"]["ServiceId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceUpdateRequest"];
            };
        };
        responses: {
            /** @description The service after the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["StaffUnauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Error"];
        };
    };
}
