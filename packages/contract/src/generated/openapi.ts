/**
 * generated — do not edit. Source: packages/contract/openapi.yaml
 * Regenerate with `npm run generate -w @civic-elements/contract`.
 */

export interface paths {
    "/v1/services": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * List or search services
         * @description All services a citizen can book, optionally filtered by `q` (case-insensitive match against
         *     name and description; an empty result is `200` with no items). Sorted by name.
         *
         */
        get: operations["listServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/services/{serviceId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /** Get one service */
        get: operations["getService"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * List locations, optionally those offering a service
         * @description All locations, or with `service` only those offering that service. Sorted by name. An
         *     unknown `service` id is `404 not_found`.
         *
         */
        get: operations["listLocations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/locations/{locationId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /** Get one location */
        get: operations["getLocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/availability": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Free slots for a combination of services
         * @description Free slots for visiting with all the given services (and quantities) in one appointment.
         *     Without `location`, slots of every location offering all the services are merged. `days`
         *     lists every date from `from` to `to` (both clamped to `horizon`) in ascending order, also
         *     days without slots (`slots: []`); within a day slots are sorted by `start` (earliest
         *     first), then by `location`. `date` is the slot's local date in its location's time zone.
         *
         *     Rules: `to` must not be before `from` and the range must not exceed 92 days
         *     (`400 validation_failed`); a quantity above the service's `maxQuantity`, more than 10
         *     services, or a `type` that none of the services offers is `400 validation_failed`; an unknown
         *     service or location id is `404 not_found`. A range outside the horizon yields `days: []`.
         *
         */
        get: operations["getAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/antibot/challenge": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Get a proof-of-work challenge
         * @description A fresh challenge (never cached). See "Proof of work" above for the algorithm. The
         *     challenge is valid until `expiresAt` (at least 5 minutes after issue) and can be used for
         *     one hold. Under load a server may raise `difficulty`.
         *
         */
        get: operations["getAntibotChallenge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holds": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Hold a slot while the citizen enters their details
         * @description Reserves the slot starting at `start` at `location` for the given services and type until
         *     `expiresAt` (now + `CIVIC_HOLD_TTL_SECONDS`). Seats held count as taken for everybody else.
         *     A hold is released by `releaseHold`, consumed by `createBooking`/`rescheduleBooking`, or
         *     expires. The `holdId` is an unguessable capability: whoever knows it may extend, release or
         *     book it.
         *
         *     `409 slot_taken` carries up to 5 `alternatives`: the free slots nearest in time to `start`
         *     for the same services and type, at the same location first.
         *     `400 validation_failed` when the location does not offer a service or the type, or a
         *     quantity exceeds `maxQuantity`; `404 not_found` for an unknown service or location id.
         *
         */
        post: operations["createHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holds/{holdId}/extend": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Hold id.
                 * @example 7f0c3c52-8a8e-4a3e-9b3e-2f3f4d9d1a10
                 */
                holdId: components["parameters"]["HoldId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend a hold
         * @description Sets `expiresAt` to now + `CIVIC_HOLD_TTL_SECONDS`. A hold can be extended at least 10
         *     times (WCAG 2.2.1); `extensionsLeft` says how many extensions remain. No request body.
         *
         */
        post: operations["extendHold"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/holds/{holdId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Hold id.
                 * @example 7f0c3c52-8a8e-4a3e-9b3e-2f3f4d9d1a10
                 */
                holdId: components["parameters"]["HoldId"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Release a hold
         * @description Frees the held seats at once. Idempotent: releasing a hold that was already released or
         *     has expired answers `204`; an id that was never issued, or a hold already consumed by a
         *     booking, is `404 hold_not_found`.
         *
         */
        delete: operations["releaseHold"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bookings": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Book a held slot
         * @description Turns a hold into a booking and consumes the hold. The response is the only place the
         *     `manageToken` appears; the server also sends a confirmation e-mail (in the language of
         *     `Accept-Language`) with the manage link. The widget builds the manage link as
         *     `<booking page>#civic-booking=<id>.<manageToken>` (a fragment never reaches a server).
         *
         *     `phone` is required for `type: phone` (`400 validation_failed`). A town may limit the
         *     number of future bookings per e-mail address (`422 booking_limit_reached` with `limit`).
         *
         */
        post: operations["createBooking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/bookings/{bookingId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Booking id.
                 * @example 3d6f0a8e-1c2b-4d5e-9f80-7a6b5c4d3e2f
                 */
                bookingId: components["parameters"]["BookingId"];
            };
            cookie?: never;
        };
        /**
         * Read a booking with its manage token
         * @description A cancelled booking stays readable (with `status` cancelled) until it is purged.
         */
        get: operations["getBooking"];
        put?: never;
        post?: never;
        /**
         * Cancel a booking
         * @description Cancels the booking and frees its seats; the server sends a cancellation e-mail and
         *     notifies the waiting list. Idempotent: cancelling a cancelled booking answers `204`.
         *     `409 too_late` after `changeableUntil`.
         *
         */
        delete: operations["cancelBooking"];
        options?: never;
        head?: never;
        /**
         * Move a booking to a newly held slot
         * @description Reschedule = hold the new slot (`createHold`), then `PATCH` the booking with that `holdId`:
         *     the server confirms the new time and releases the old one in one transaction. `id`,
         *     `reference` and the manage token stay the same; services and type become those of the
         *     hold; a new confirmation e-mail is sent. Idempotent on `holdId`: repeating the request with
         *     a hold already applied to this booking answers `200` with the booking.
         *     `409 too_late` when the booking can no longer be changed online (see `changeableUntil`),
         *     `409 conflict` when it is cancelled.
         *
         */
        patch: operations["rescheduleBooking"];
        trace?: never;
    };
    "/v1/bookings/{bookingId}/ics": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Booking id.
                 * @example 3d6f0a8e-1c2b-4d5e-9f80-7a6b5c4d3e2f
                 */
                bookingId: components["parameters"]["BookingId"];
            };
            cookie?: never;
        };
        /**
         * Download the booking as an iCalendar file
         * @description An RFC 5545 calendar with one `VEVENT` (`UID` = `<booking id>@<server host>`, `SEQUENCE`
         *     grows with each reschedule, `STATUS:CANCELLED` for a cancelled booking, `LOCATION` with the
         *     address, `URL` = `joinUrl` for video). Sent with `Content-Disposition: attachment;
         *     filename="termin-<reference>.ics"`.
         *
         */
        get: operations["getBookingIcs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/waitlist": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Ask to be told when a slot frees up
         * @description Registers an e-mail address to be notified (in `locale`, default the response language)
         *     when a slot for the services frees up between `from` and `to` (inclusive, at most 92 days
         *     apart, not in the past). The notification is a hint, not a hold: whoever books first gets
         *     the slot. The entry expires after `to`; every notification contains an unsubscribe link.
         *
         */
        post: operations["joinWaitlist"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/lookup": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Find a case by reference and second factor
         * @description Exchanges the case reference and a second factor (birth date of the applicant, or a
         *     passcode sent by letter or e-mail) for a short-lived `accessToken` (valid at least 60
         *     minutes). Which factor a town uses is configuration of the widget. An unknown reference
         *     and a wrong second factor give the **same** answer, `404 case_not_found`, with the same
         *     body and comparable timing (no oracle). Attempts are rate-limited per client and per
         *     reference (`429 rate_limited`). Not an Idempotency-Key operation: it creates nothing.
         *
         */
        post: operations["lookupCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /** Read the status of a case */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{caseId}/events": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /**
         * Stream status changes of a case (SSE)
         * @description Server-Sent Events. Event `case.updated` carries the full case; its id is the case's
         *     `revision`. Every connection starts with a `case.updated` snapshot (unless `Last-Event-ID`
         *     / `after` equals the current revision), followed by one event per change.
         *
         */
        get: operations["streamCaseEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/availability": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Whether the chat desk is staffed, office hours and attachment limits
         * @description Cheap and cacheable for a few seconds (`Cache-Control: max-age=15` is recommended). When
         *     `online` is false a widget offers an offline message (`sendOfflineMessage`).
         *
         */
        get: operations["getChatAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/conversations": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Start a conversation
         * @description Starts a conversation after the citizen consented to the processing of the chat. Returns
         *     the conversation id and its bearer `token` (needed for every further chat operation). A
         *     bot or the desk may greet immediately (first message via `listMessages`/events).
         *     `409 closed` (with `nextOpening`) when the desk is offline.
         *
         */
        post: operations["startConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/conversations/{conversationId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /** Read a conversation's state */
        get: operations["getConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/conversations/{conversationId}/messages": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Page through a conversation's messages
         * @description Messages in ascending `seq` order. With `after`: the first `limit` messages with
         *     `seq > after` (catch-up after a reconnect). With `before`: the last `limit` messages with
         *     `seq < before` ("show earlier"). With neither: the latest `limit` messages. `after` and
         *     `before` together are `400 validation_failed`. `hasMore` is true when more messages exist
         *     beyond this page in the direction asked (for neither: earlier ones).
         *
         */
        get: operations["listMessages"];
        put?: never;
        /**
         * Send a message (idempotent on clientId)
         * @description Idempotent on `clientId` (a value the client generates once per message, e.g. a UUID, and
         *     keeps in its outbox across retries and reloads): the first request creates the message
         *     (`201`); a repeat with the same `clientId` and the same text and attachments returns the
         *     stored message (`200`); the same `clientId` with different content is
         *     `422 idempotency_mismatch`. No Idempotency-Key header is needed. `text` must contain a
         *     non-whitespace character unless `attachmentIds` is non-empty (`400 validation_failed`);
         *     each attachment id must have been uploaded to this conversation (`404 not_found`).
         *     `409 conversation_ended` once the conversation has ended.
         *
         */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/conversations/{conversationId}/events": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Stream a conversation's events (SSE)
         * @description Server-Sent Events. Durable events carry `id` = `seq` and are replayed after
         *     `Last-Event-ID`/`after`: `message` (a new message, including the citizen's own, so other
         *     tabs stay in sync), `agent_joined`, `conversation_ended`. `seq` values are strictly
         *     increasing but not contiguous in `listMessages` (agent_joined and conversation_ended use a
         *     seq too). `typing` is ephemeral: no id, never replayed; show it for 5 seconds unless
         *     repeated, and hide it at once on `active: false` or a message from that author. After
         *     `conversation_ended` the server closes the stream.
         *
         */
        get: operations["streamChatEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/conversations/{conversationId}/typing": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Tell the desk the citizen is typing
         * @description `active: true` means "typing now" and lapses after 5 seconds; clients send it at most
         *     every 2 seconds while typing and `active: false` when the field is cleared or sent. Agents
         *     see it; it is not stored. `409 conversation_ended` after the end.
         *
         */
        post: operations["sendTyping"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/conversations/{conversationId}/attachments": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Upload a file to attach to a message
         * @description `multipart/form-data` with one part `file` (its filename and Content-Type are used).
         *     Limits come from `getChatAvailability` (`attachments.maxBytes`, `attachments.types`):
         *     a larger file is `413 payload_too_large` (with `maxBytes`), a type not listed is
         *     `415 unsupported_media_type` (with `types`); the server checks the content, not only the
         *     declared type. A file rejected by the malware scan is `422 attachment_rejected`. The
         *     returned id is then listed in `attachmentIds` of `sendMessage`; an attachment not sent
         *     within 24 hours is deleted.
         *
         */
        post: operations["uploadAttachment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/conversations/{conversationId}/attachments/{attachmentId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                /**
                 * @description Attachment id.
                 * @example 1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b
                 */
                attachmentId: components["parameters"]["AttachmentId"];
            };
            cookie?: never;
        };
        /**
         * Download an attachment of the conversation
         * @description The file's bytes with its stored `Content-Type`, `Content-Disposition: attachment`,
         *     `X-Content-Type-Options: nosniff`. Either party's attachments in this conversation.
         *
         */
        get: operations["downloadAttachment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/conversations/{conversationId}/transcript": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Download the conversation as plain text
         * @description `text/plain; charset=utf-8`, one block per message: `[<local date-time>] <author name or
         *     kind>:` then the text; attachments by name. Headed by the town, topic and date. Sent with
         *     `Content-Disposition: attachment; filename="chat-<date>.txt"`.
         *
         */
        get: operations["getTranscript"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/conversations/{conversationId}/end": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * End the conversation
         * @description Ends the conversation (`status: ended`, event `conversation_ended` with `endedBy:
         *     citizen`). Idempotent: ending an ended conversation answers `200` with it. The token stays
         *     valid for reading and the transcript until the data is purged. No request body.
         *
         */
        post: operations["endConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/chat/offline-messages": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Leave a message while the desk is offline
         * @description Accepted at any time (also when the desk is online). The desk answers by e-mail; the
         *     server confirms receipt to `email`.
         *
         */
        post: operations["sendOfflineMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/{locationId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /**
         * Walk-in queue of a location (call display data)
         * @description What a call display and a "current waiting time" widget show. No personal data: tickets
         *     appear only as their public number. `nowServing` lists the most recent calls, newest
         *     first (at most 10).
         *
         */
        get: operations["getQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/{locationId}/events": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /**
         * Stream queue changes (SSE)
         * @description Server-Sent Events; ids are the queue's `revision`. Every connection starts with an
         *     `updated` snapshot. Then: `called` when a ticket is called to a desk (followed by an
         *     `updated`), `updated` on any change (full queue), `ticker` when the ticker text changes
         *     (`text: null` removes it). Calls missed while disconnected are not replayed; the snapshot's
         *     `nowServing` shows them.
         *
         */
        get: operations["streamQueueEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queues/{locationId}/tickets": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Take a ticket for the walk-in queue
         * @description Joins the queue for `service` remotely. The `token` is the ticket's bearer token (keep it
         *     only while the citizen waits). `notify` asks for an e-mail (or SMS where the queue's
         *     `notifications.sms` is true) when `whenAhead` people are ahead and when called; a phone's
         *     browser freezes background tabs, so without `notify` the page must stay open.
         *     `409 closed` (with `nextOpening`) when the queue is closed or `ticketsOnline` is false;
         *     `409 full` when it takes no more tickets today; `400 validation_failed` for a service the
         *     queue does not serve or `notify.phone` where SMS is not offered.
         *
         */
        post: operations["takeQueueTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticketId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /**
         * Read a ticket (holder only)
         * @description The holder's view of a queue or waiting-room ticket. `joinUrl` (virtual offices) appears
         *     only in this view and only while the ticket is `called`.
         *
         */
        get: operations["getTicket"];
        put?: never;
        post?: never;
        /**
         * Give up a ticket
         * @description Leaves the queue (`state: cancelled`). Idempotent: cancelling a cancelled ticket answers
         *     `204`; a ticket already `served` or `missed` is `409 conflict`.
         *
         */
        delete: operations["cancelTicket"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tickets/{ticketId}/events": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /**
         * Stream a ticket's changes (SSE, holder only)
         * @description Server-Sent Events; ids are the ticket's `revision`. Every connection starts with an
         *     `updated` snapshot. `updated` on any change (position, estimate, state); `called` once
         *     when the ticket is called (the full ticket with `desk` and, for virtual offices,
         *     `joinUrl`). The stream closes after a final state (`served`, `missed`, `cancelled`).
         *
         */
        get: operations["streamTicketEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offices/{officeId}": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /** A virtual office (video consultation) and its waiting room */
        get: operations["getOffice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offices/{officeId}/tickets": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
         * Enter a virtual office's waiting room
         * @description Same as a queue ticket, for the office's `serviceId`. When a chair calls the ticket, the
         *     holder's ticket gets `state: called` and a `joinUrl` (only visible with the ticket token).
         *     `409 closed` when the office is not open now, `409 full` when the waiting room is full.
         *     The body may be omitted.
         *
         */
        post: operations["takeOfficeTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/offices/{officeId}/events": {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        /**
         * Stream a virtual office's changes (SSE)
         * @description Server-Sent Events; ids are the office's `revision`. Every connection starts with an
         *     `updated` snapshot; then `updated` (full office) on every change of opening, chairs or
         *     waiting count.
         *
         */
        get: operations["streamOfficeEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Stable catalogue id (service, location, office, topic).
         * @example personalausweis
         */
        Id: string;
        /**
         * Format: uuid
         * @description Server-generated id (RFC 9562 UUID, lower case).
         * @example 7f0c3c52-8a8e-4a3e-9b3e-2f3f4d9d1a10
         */
        Uuid: string;
        /**
         * @description Opaque case id chosen by the case system.
         * @example c-4711
         */
        CaseId: string;
        /**
         * @description Opaque bearer token (URL-safe characters, so it fits a link fragment).
         * @example mt_Q2w9Er7Ty5Ui3Op1As8Df6Gh4Jk2Lz
         */
        Token: string;
        /**
         * Format: date-time
         * @description RFC 3339 date-time with seconds and an offset or `Z`.
         * @example 2026-12-01T09:12:05+01:00
         */
        DateTime: string;
        /**
         * Format: date-time
         * @description RFC 3339 date-time in the location's local offset (`+01:00`), never `Z`.
         * @example 2026-12-07T09:30:00+01:00
         */
        LocalDateTime: string;
        /**
         * Format: date
         * @description Calendar date `YYYY-MM-DD`, local to the resource's time zone.
         * @example 2026-12-07
         */
        CalendarDate: string;
        /**
         * @description Local wall-clock time `HH:MM` (24-hour); `24:00` only as a closing time.
         * @example 08:00
         */
        TimeOfDay: string;
        /**
         * @description IANA time-zone name.
         * @example Europe/Berlin
         */
        TimeZone: string;
        /**
         * @description BCP 47 language tag; `de-x-ls` is Leichte Sprache.
         * @example de
         */
        Locale: string;
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
        /**
         * @description Phone number, international (`+49 …`) or national format.
         * @example +49 151 23456789
         */
        Phone: string;
        /**
         * Format: uri
         * @description Absolute `https://` URL (`http://` only for local development).
         * @example https://www.musterstadt.de/personalausweis
         */
        HttpsUrl: string;
        /** @example Erika Mustermann */
        PersonName: string;
        /**
         * @description Version of a resource; grows with every change. Also the SSE event id of state streams.
         * @example 12
         */
        Revision: number;
        /**
         * @description A chat sequence number, or 0 for "before the first message".
         * @example 12
         */
        Seq0: number;
        /**
         * @description SSE event id, a decimal number (`seq` for chat, `revision` otherwise).
         * @example 12
         */
        EventId: string;
        /**
         * @description The citizen consented to the processing described by the widget (must be `true`).
         * @constant
         */
        Consent: true;
        /**
         * @description `in_person` at the location, `phone` (the office calls), `video` (a `joinUrl` is sent).
         * @enum {string}
         */
        AppointmentType: "in_person" | "phone" | "video";
        Money: {
            /** @description Amount in major units (euros) with at most two decimals. */
            amount: number;
            /** @description ISO 4217 code. */
            currency: string;
        };
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
        ServiceList: {
            items: components["schemas"]["Service"][];
        };
        Address: {
            /** @description Street and house number. */
            street: string;
            postalCode: string;
            city: string;
        };
        Geo: {
            lat: number;
            lon: number;
        };
        /** @description One weekly opening interval; several entries per weekday are allowed. */
        OpeningHours: {
            /** @description ISO weekday, 1 = Monday … 7 = Sunday. */
            weekday: number;
            opens: components["schemas"]["TimeOfDay"];
            closes: components["schemas"]["TimeOfDay"];
        };
        TimeRange: {
            opens: components["schemas"]["TimeOfDay"];
            closes: components["schemas"]["TimeOfDay"];
        };
        /** @description A date whose hours differ from the weekly ones (holiday, closure, special hours). For a
         *     date with several special intervals there are several entries. Lists cover at least the
         *     appointment horizon.
         *      */
        HoursException: components["schemas"]["ClosedDay"] | components["schemas"]["SpecialHours"];
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
        Accessibility: {
            /** @description Step-free access to the service rooms (omitted when unknown). */
            stepFree?: boolean;
            /** @description Plain-text notes (lift, parking, hearing loop, …); may be empty. */
            notes: string;
        };
        Location: {
            id: components["schemas"]["Id"];
            name: string;
            address: components["schemas"]["Address"];
            geo: components["schemas"]["Geo"];
            timeZone: components["schemas"]["TimeZone"];
            openingHours: components["schemas"]["OpeningHours"][];
            exceptions: components["schemas"]["HoursException"][];
            accessibility: components["schemas"]["Accessibility"];
            appointmentTypes: components["schemas"]["AppointmentType"][];
            /** @description Ids of the services offered here. */
            services: components["schemas"]["Id"][];
            phone?: components["schemas"]["Phone"];
            email?: components["schemas"]["Email"];
            url?: components["schemas"]["HttpsUrl"];
        };
        LocationList: {
            items: components["schemas"]["Location"][];
        };
        Slot: {
            start: components["schemas"]["LocalDateTime"];
            end: components["schemas"]["LocalDateTime"];
            /** @description How many appointments can still start at this time here (informational). */
            seats: number;
            location: components["schemas"]["Id"];
        };
        AvailabilityDay: {
            date: components["schemas"]["CalendarDate"];
            slots: components["schemas"]["Slot"][];
        };
        DateRange: {
            from: components["schemas"]["CalendarDate"];
            to: components["schemas"]["CalendarDate"];
        };
        Availability: {
            /** @description Time zone of all slots; present when every slot is in one zone (always with `location`). */
            timeZone?: components["schemas"]["TimeZone"];
            /** @description First and last date on which appointments can be booked at all (for calendar navigation). */
            horizon: components["schemas"]["DateRange"];
            days: components["schemas"]["AvailabilityDay"][];
            /** @description The first date after `to` (within the horizon) with a free slot; omitted when there is none. */
            nextAvailable?: components["schemas"]["CalendarDate"];
        };
        AntibotChallenge: {
            /** @constant */
            algorithm: "SHA-256";
            /** @description Opaque random string; hash input is `challenge + ":" + nonce`. */
            challenge: string;
            /** @description Leading zero bits required of the SHA-256 digest. */
            difficulty: number;
            expiresAt: components["schemas"]["DateTime"];
            /** @description Server HMAC over the challenge; echoed back unchanged in the proof. */
            signature: string;
        };
        Proof: {
            challenge: string;
            /** @description Decimal integer 0 ≤ n < 2^53 without leading zeros. */
            nonce: string;
            signature: string;
        };
        ServiceQuantity: {
            id: components["schemas"]["Id"];
            /** @description At most the service's `maxQuantity`. */
            qty: number;
        };
        /** @description Services of one appointment, each id at most once. */
        ServiceSelection: components["schemas"]["ServiceQuantity"][];
        HoldRequest: {
            location: components["schemas"]["Id"];
            services: components["schemas"]["ServiceSelection"];
            /** @description The `start` of a slot from `getAvailability` (compared as an instant). */
            start: components["schemas"]["DateTime"];
            type: components["schemas"]["AppointmentType"];
            proof: components["schemas"]["Proof"];
        };
        Hold: {
            holdId: components["schemas"]["Uuid"];
            expiresAt: components["schemas"]["DateTime"];
            /** @description How many more times `extendHold` will succeed (at least 10 for a new hold). */
            extensionsLeft: number;
            start: components["schemas"]["LocalDateTime"];
            end: components["schemas"]["LocalDateTime"];
            location: components["schemas"]["Id"];
            services: components["schemas"]["ServiceSelection"];
            type: components["schemas"]["AppointmentType"];
        };
        HoldExtension: {
            expiresAt: components["schemas"]["DateTime"];
            extensionsLeft: number;
        };
        Contact: {
            name: components["schemas"]["PersonName"];
            email: components["schemas"]["Email"];
            /** @description Required for `type` phone. */
            phone?: components["schemas"]["Phone"];
        };
        BookingRequest: {
            holdId: components["schemas"]["Uuid"];
            contact: components["schemas"]["Contact"];
            consent: components["schemas"]["Consent"];
            /** @description A note for the office (plain text). */
            note?: string;
            /** @description Language of the confirmation e-mail; defaults to the response language. */
            locale?: components["schemas"]["Locale"];
        };
        RescheduleRequest: {
            holdId: components["schemas"]["Uuid"];
        };
        /** @enum {string} */
        BookingStatus: "confirmed" | "cancelled";
        Booking: {
            id: components["schemas"]["Uuid"];
            /** @description Short human-readable booking number for the counter and the phone. */
            reference: string;
            status: components["schemas"]["BookingStatus"];
            start: components["schemas"]["LocalDateTime"];
            end: components["schemas"]["LocalDateTime"];
            location: components["schemas"]["Id"];
            type: components["schemas"]["AppointmentType"];
            services: components["schemas"]["ServiceSelection"];
            contact: components["schemas"]["Contact"];
            note?: string;
            /** @description Video appointments only; the link to the video room. */
            joinUrl?: components["schemas"]["HttpsUrl"];
            /** @description Until when the booking can be rescheduled or cancelled online (`409 too_late` afterwards). */
            changeableUntil: components["schemas"]["DateTime"];
            createdAt: components["schemas"]["DateTime"];
            /** @description Present when `status` is cancelled. */
            cancelledAt?: components["schemas"]["DateTime"];
            /**
             * @description Present when `status` is cancelled; `office` e.g. when staff blocked the slot.
             * @enum {string}
             */
            cancelledBy?: "citizen" | "office";
            /** @description Text shown to the citizen when the office cancelled. */
            cancellationReason?: string;
        };
        /** @description The booking as created, with the manage token (returned only once). */
        BookingConfirmation: components["schemas"]["Booking"] & {
            manageToken: components["schemas"]["Token"];
        };
        WaitlistRequest: {
            services: components["schemas"]["ServiceSelection"];
            /** @description Only this location; omitted = any location offering the services. */
            location?: components["schemas"]["Id"];
            /** @description Defaults to `in_person`. */
            type?: components["schemas"]["AppointmentType"];
            from: components["schemas"]["CalendarDate"];
            to: components["schemas"]["CalendarDate"];
            email: components["schemas"]["Email"];
            locale?: components["schemas"]["Locale"];
            consent: components["schemas"]["Consent"];
        };
        WaitlistEntry: {
            id: components["schemas"]["Uuid"];
            from: components["schemas"]["CalendarDate"];
            to: components["schemas"]["CalendarDate"];
        };
        CaseLookupRequest: {
            /** @description The case reference (Aktenzeichen); compared ignoring case and spaces. */
            reference: string;
            secondFactor: components["schemas"]["SecondFactor"];
        };
        SecondFactor: components["schemas"]["BirthdateFactor"] | components["schemas"]["PasscodeFactor"];
        BirthdateFactor: {
            /** @constant */
            kind: "birthdate";
            /** @description The applicant's date of birth. */
            value: components["schemas"]["CalendarDate"];
        };
        PasscodeFactor: {
            /** @constant */
            kind: "passcode";
            /** @description The passcode from the letter or e-mail; compared ignoring case, spaces and hyphens. */
            value: string;
        };
        CaseAccess: {
            caseId: components["schemas"]["CaseId"];
            accessToken: components["schemas"]["Token"];
            expiresAt: components["schemas"]["DateTime"];
        };
        /** @description A point in time that may be known only to the day. `date` is always present (local date in
         *     the case's time zone); `dateTime` is present only when the time of day is known. Show the
         *     time only when `dateTime` is present — never "00:00" for a date-only moment.
         *      */
        Moment: {
            date: components["schemas"]["CalendarDate"];
            dateTime?: components["schemas"]["DateTime"];
        };
        /** @description Machine-readable code (snake_case). */
        Code: string;
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
        CaseDocument: {
            title: string;
            url?: components["schemas"]["HttpsUrl"];
            availableFrom?: components["schemas"]["CalendarDate"];
        };
        CaseContact: {
            name?: string;
            phone?: components["schemas"]["Phone"];
            email?: components["schemas"]["Email"];
            url?: components["schemas"]["HttpsUrl"];
        };
        Pickup: {
            /** @description The document is ready for pickup. */
            ready: boolean;
            /** @description The service to book a pickup appointment for. */
            serviceId: components["schemas"]["Id"];
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
        /** @description SSE event `case.updated`: the full case after a change. */
        CaseEvent: {
            /** @constant */
            event: "case.updated";
            id: components["schemas"]["EventId"];
            data: components["schemas"]["Case"];
        };
        ChatTopic: {
            id: components["schemas"]["Id"];
            label: string;
        };
        AttachmentLimits: {
            /** @description Largest accepted file in bytes (0 = attachments disabled). */
            maxBytes: number;
            /** @description Accepted media types. */
            types: string[];
            maxPerMessage: number;
        };
        OfficeHours: {
            timeZone: components["schemas"]["TimeZone"];
            weekly: components["schemas"]["OpeningHours"][];
            exceptions: components["schemas"]["HoursException"][];
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
        ConversationRequest: {
            consent: components["schemas"]["Consent"];
            locale: components["schemas"]["Locale"];
            /** @description One of the `topics` from `getChatAvailability` (unknown → `400 validation_failed`). */
            topic?: components["schemas"]["Id"];
        };
        ConversationCreated: {
            id: components["schemas"]["Uuid"];
            token: components["schemas"]["Token"];
        };
        /**
         * @description `waiting` for an agent (a bot may answer meanwhile), `active` with an agent, `ended`.
         * @enum {string}
         */
        ConversationStatus: "waiting" | "active" | "ended";
        Agent: {
            /** @description Display name (often a first name or a role, never a full private identity). */
            name?: string;
        };
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
        /** @enum {string} */
        EndedBy: "citizen" | "agent" | "system";
        /** @enum {string} */
        AuthorKind: "citizen" | "agent" | "bot" | "system";
        Author: {
            kind: components["schemas"]["AuthorKind"];
            name?: string;
        };
        Suggestion: {
            /** @description Label of the quick reply; choosing it sends this text as a message. */
            text: string;
        };
        Attachment: {
            id: components["schemas"]["Uuid"];
            name: string;
            type: string;
            /** @description Bytes. */
            size: number;
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
        /** @example 2c1d0e9f-8a7b-4c6d-9e5f-4a3b2c1d0e9f */
        ClientId: string;
        MessageRequest: {
            clientId: components["schemas"]["ClientId"];
            text: string;
            attachmentIds?: components["schemas"]["Uuid"][];
        };
        MessagePage: {
            items: components["schemas"]["Message"][];
            hasMore: boolean;
        };
        TypingRequest: {
            active: boolean;
        };
        AttachmentUpload: {
            /** @description The file (multipart part with a filename and a Content-Type). */
            file: string;
        };
        ChatMessageEvent: {
            /** @constant */
            event: "message";
            id: components["schemas"]["EventId"];
            data: components["schemas"]["Message"];
        };
        /** @description Ephemeral; no `id`. */
        ChatTypingEvent: {
            /** @constant */
            event: "typing";
            data: {
                author: components["schemas"]["Author"];
                active: boolean;
            };
        };
        ChatAgentJoinedEvent: {
            /** @constant */
            event: "agent_joined";
            id: components["schemas"]["EventId"];
            data: {
                seq: number;
                agent: components["schemas"]["Agent"];
                at: components["schemas"]["DateTime"];
            };
        };
        ChatConversationEndedEvent: {
            /** @constant */
            event: "conversation_ended";
            id: components["schemas"]["EventId"];
            data: {
                seq: number;
                endedBy: components["schemas"]["EndedBy"];
                at: components["schemas"]["DateTime"];
            };
        };
        /** @description One event of the chat stream, discriminated by `event`. */
        ChatEvent: components["schemas"]["ChatMessageEvent"] | components["schemas"]["ChatTypingEvent"] | components["schemas"]["ChatAgentJoinedEvent"] | components["schemas"]["ChatConversationEndedEvent"];
        OfflineMessageRequest: {
            email: components["schemas"]["Email"];
            name?: components["schemas"]["PersonName"];
            text: string;
            locale?: components["schemas"]["Locale"];
            topic?: components["schemas"]["Id"];
            consent: components["schemas"]["Consent"];
        };
        OfflineMessageReceipt: {
            id: components["schemas"]["Uuid"];
            receivedAt: components["schemas"]["DateTime"];
        };
        /**
         * @description The public number shown on the call display.
         * @example A042
         */
        TicketNumber: string;
        /**
         * @description Where the ticket is called to (Platz, Raum, Schalter), as displayed.
         * @example Platz 3
         */
        Desk: string;
        /** @description Estimated wait in minutes, or `null` when no estimate is possible. */
        EstimatedWaitMinutes: number | null;
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
        QueueUpdatedEvent: {
            /** @constant */
            event: "updated";
            id: components["schemas"]["EventId"];
            data: components["schemas"]["QueueStatus"];
        };
        QueueCalledEvent: {
            /** @constant */
            event: "called";
            id: components["schemas"]["EventId"];
            data: components["schemas"]["QueueCall"];
        };
        QueueTickerEvent: {
            /** @constant */
            event: "ticker";
            id: components["schemas"]["EventId"];
            data: {
                /** @description The new ticker text, or `null` when removed. */
                text: string | null;
            };
        };
        /** @description One event of the queue stream, discriminated by `event`. */
        QueueEvent: components["schemas"]["QueueUpdatedEvent"] | components["schemas"]["QueueCalledEvent"] | components["schemas"]["QueueTickerEvent"];
        /** @description Notify the holder when `whenAhead` people are ahead (if given) and when called. At least
         *     one of `email` and `phone` is required (`400 validation_failed`).
         *      */
        TicketNotify: {
            email?: components["schemas"]["Email"];
            phone?: components["schemas"]["Phone"];
            whenAhead?: number;
        };
        QueueTicketRequest: {
            service: components["schemas"]["Id"];
            notify?: components["schemas"]["TicketNotify"];
            /** @description Language of notifications; defaults to the response language. */
            locale?: components["schemas"]["Locale"];
        };
        OfficeTicketRequest: {
            notify?: components["schemas"]["TicketNotify"];
            locale?: components["schemas"]["Locale"];
        };
        /**
         * @description `served`, `missed` and `cancelled` are final.
         * @enum {string}
         */
        TicketState: "waiting" | "called" | "served" | "missed" | "cancelled";
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
        TicketCreated: {
            ticketId: components["schemas"]["Uuid"];
            number: components["schemas"]["TicketNumber"];
            token: components["schemas"]["Token"];
            ticket: components["schemas"]["Ticket"];
        };
        TicketUpdatedEvent: {
            /** @constant */
            event: "updated";
            id: components["schemas"]["EventId"];
            data: components["schemas"]["Ticket"];
        };
        TicketCalledEvent: {
            /** @constant */
            event: "called";
            id: components["schemas"]["EventId"];
            data: components["schemas"]["Ticket"];
        };
        /** @description One event of a ticket stream, discriminated by `event`. */
        TicketEvent: components["schemas"]["TicketUpdatedEvent"] | components["schemas"]["TicketCalledEvent"];
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
        /** @description SSE event `updated`: the full office after a change. */
        OfficeEvent: {
            /** @constant */
            event: "updated";
            id: components["schemas"]["EventId"];
            data: components["schemas"]["Office"];
        };
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
        SlotTakenProblem: components["schemas"]["Problem"] & {
            /** @constant */
            code: "slot_taken";
            alternatives: components["schemas"]["Slot"][];
        };
        BookingLimitProblem: components["schemas"]["Problem"] & {
            /** @constant */
            code: "booking_limit_reached";
            limit: number;
        };
        ClosedProblem: components["schemas"]["Problem"] & {
            /** @constant */
            code: "closed";
        };
        IdempotencyInProgressProblem: components["schemas"]["Problem"] & {
            /** @constant */
            code: "idempotency_in_progress";
            retryAfter: number;
        };
        IdempotencyMismatchProblem: components["schemas"]["Problem"] & {
            /** @constant */
            code: "idempotency_mismatch";
        };
        PayloadTooLargeProblem: components["schemas"]["Problem"] & {
            /** @constant */
            code: "payload_too_large";
            maxBytes: number;
        };
        UnsupportedMediaTypeProblem: components["schemas"]["Problem"] & {
            /** @constant */
            code: "unsupported_media_type";
            types: string[];
        };
        RateLimitedProblem: components["schemas"]["Problem"] & {
            /** @constant */
            code: "rate_limited";
            retryAfter: number;
        };
    };
    responses: {
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
        /** @description The bearer token is missing, malformed, expired or not valid for this resource. */
        Unauthorized: {
            headers: {
                "WWW-Authenticate": components["headers"]["WwwAuthenticate"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code: "unauthorized";
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
        /** @description The hold id was never issued or the hold was already used for a booking. */
        HoldNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code: "hold_not_found";
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
        /** @description The Idempotency-Key was already used with a different request. */
        IdempotencyMismatch: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["IdempotencyMismatchProblem"];
            };
        };
        /** @description No ticket: the queue or office is closed or takes no online tickets (`closed`, with
         *     `nextOpening` when known), is full for today (`full`), or the same Idempotency-Key is still
         *     being processed.
         *      */
        TicketRefused: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["ClosedProblem"] | (components["schemas"]["Problem"] & {
                    /** @enum {string} */
                    code: "full";
                }) | components["schemas"]["IdempotencyInProgressProblem"];
            };
        };
        /** @description Too many requests; wait `Retry-After` seconds. */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["RateLimitedProblem"];
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
    };
    parameters: {
        /**
         * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
         *     The response names the language used in `Content-Language`.
         *
         * @example de-x-ls, de;q=0.9, en;q=0.5
         */
        AcceptLanguage: string;
        /**
         * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
         *     Unknown AGS → `404 not_found`; absent → the back end's default town.
         *
         * @example 09162000
         */
        CivicAgs: string;
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
         * @description The id of the last event the client received; the server resumes after it.
         * @example 12
         */
        LastEventId: components["schemas"]["EventId"];
        /**
         * @description Same meaning as `Last-Event-ID` (for clients that cannot set the header); the header wins
         *     when both are sent.
         *
         * @example 12
         */
        EventsAfter: components["schemas"]["Revision"];
        /**
         * @description Service id.
         * @example personalausweis
         */
        ServiceId: components["schemas"]["Id"];
        /**
         * @description Location id.
         * @example buergerbuero-mitte
         */
        LocationId: components["schemas"]["Id"];
        /**
         * @description Virtual office id.
         * @example videobuero-buergeramt
         */
        OfficeId: components["schemas"]["Id"];
        /**
         * @description Hold id.
         * @example 7f0c3c52-8a8e-4a3e-9b3e-2f3f4d9d1a10
         */
        HoldId: components["schemas"]["Uuid"];
        /**
         * @description Booking id.
         * @example 3d6f0a8e-1c2b-4d5e-9f80-7a6b5c4d3e2f
         */
        BookingId: components["schemas"]["Uuid"];
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
         * @description Attachment id.
         * @example 1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b
         */
        AttachmentId: components["schemas"]["Uuid"];
        /**
         * @description Ticket id.
         * @example 0e1d2c3b-4a59-4687-9766-5a4b3c2d1e0f
         */
        TicketId: components["schemas"]["Uuid"];
    };
    requestBodies: never;
    headers: {
        /** @description `no-store`: the response contains personal data or changes with every request. */
        NoStore: "no-store";
        /** @description Seconds to wait before trying again. */
        RetryAfter: number;
        /** @description `Bearer` challenge (RFC 6750), e.g. `Bearer error="invalid_token"`. */
        WwwAuthenticate: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listServices: {
        parameters: {
            query?: {
                /**
                 * @description Search text.
                 * @example ausweis
                 */
                q?: string;
            };
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
            /** @description The matching services. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceList"];
                };
            };
            400: components["responses"]["BadRequest"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getService: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        requestBody?: never;
        responses: {
            /** @description The service. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Service"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    listLocations: {
        parameters: {
            query?: {
                /**
                 * @description Only locations offering this service.
                 * @example personalausweis
                 */
                service?: components["schemas"]["Id"];
            };
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
            /** @description The locations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationList"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getLocation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        requestBody?: never;
        responses: {
            /** @description The location. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Location"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getAvailability: {
        parameters: {
            query: {
                /**
                 * @description Comma-separated `serviceId:quantity` pairs (`:quantity` may be omitted and means 1),
                 *     each service at most once, at most 10 services.
                 *
                 * @example personalausweis:2,meldebescheinigung:1
                 */
                services: string;
                /**
                 * @description Only slots at this location.
                 * @example buergerbuero-mitte
                 */
                location?: components["schemas"]["Id"];
                /**
                 * @description Appointment type; defaults to `in_person`.
                 * @example in_person
                 */
                type?: components["schemas"]["AppointmentType"];
                /**
                 * @description First date (inclusive). Defaults to the first date of the horizon.
                 * @example 2026-12-07
                 */
                from?: string;
                /**
                 * @description Last date (inclusive). Defaults to `from` + 30 days, clamped to the horizon.
                 * @example 2026-12-20
                 */
                to?: string;
            };
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
            /** @description Days with their free slots. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Availability"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getAntibotChallenge: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
            /** @description A challenge to solve. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AntibotChallenge"];
                };
            };
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    createHold: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                "application/json": components["schemas"]["HoldRequest"];
            };
        };
        responses: {
            /** @description The slot is held. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Hold"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The proof of work is missing, wrong, expired or already used. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code: "proof_invalid";
                    };
                };
            };
            404: components["responses"]["NotFound"];
            /** @description The slot is no longer free (`slot_taken`), or the same Idempotency-Key is still being processed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["SlotTakenProblem"] | components["schemas"]["IdempotencyInProgressProblem"];
                };
            };
            422: components["responses"]["IdempotencyMismatch"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    extendHold: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Hold id.
                 * @example 7f0c3c52-8a8e-4a3e-9b3e-2f3f4d9d1a10
                 */
                holdId: components["parameters"]["HoldId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new expiry. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldExtension"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["HoldNotFound"];
            /** @description The hold has expired (`hold_expired`) or cannot be extended again (`hold_extension_limit`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code: "hold_expired" | "hold_extension_limit";
                    };
                };
            };
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    releaseHold: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Hold id.
                 * @example 7f0c3c52-8a8e-4a3e-9b3e-2f3f4d9d1a10
                 */
                holdId: components["parameters"]["HoldId"];
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
            404: components["responses"]["HoldNotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    createBooking: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                "application/json": components["schemas"]["BookingRequest"];
            };
        };
        responses: {
            /** @description Booked. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BookingConfirmation"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["HoldNotFound"];
            /** @description The hold has expired (`hold_expired`), or the same Idempotency-Key is still being processed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code: "hold_expired" | "idempotency_in_progress";
                    };
                };
            };
            /** @description Too many future bookings for this e-mail address (`booking_limit_reached`), or Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["BookingLimitProblem"] | components["schemas"]["IdempotencyMismatchProblem"];
                };
            };
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getBooking: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Booking id.
                 * @example 3d6f0a8e-1c2b-4d5e-9f80-7a6b5c4d3e2f
                 */
                bookingId: components["parameters"]["BookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The booking. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    cancelBooking: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Booking id.
                 * @example 3d6f0a8e-1c2b-4d5e-9f80-7a6b5c4d3e2f
                 */
                bookingId: components["parameters"]["BookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The booking can no longer be cancelled online. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code: "too_late";
                    };
                };
            };
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    rescheduleBooking: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Booking id.
                 * @example 3d6f0a8e-1c2b-4d5e-9f80-7a6b5c4d3e2f
                 */
                bookingId: components["parameters"]["BookingId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RescheduleRequest"];
            };
        };
        responses: {
            /** @description The rescheduled booking. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Booking"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["HoldNotFound"];
            /** @description The new hold has expired, the booking can no longer be changed online, or it is cancelled. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code: "hold_expired" | "too_late" | "conflict";
                    };
                };
            };
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getBookingIcs: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Booking id.
                 * @example 3d6f0a8e-1c2b-4d5e-9f80-7a6b5c4d3e2f
                 */
                bookingId: components["parameters"]["BookingId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calendar file. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    /** @description `attachment; filename="termin-<reference>.ics"` */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    joinWaitlist: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                "application/json": components["schemas"]["WaitlistRequest"];
            };
        };
        responses: {
            /** @description Registered. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitlistEntry"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["IdempotencyInProgress"];
            422: components["responses"]["IdempotencyMismatch"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    lookupCase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                "application/json": components["schemas"]["CaseLookupRequest"];
            };
        };
        responses: {
            /** @description Access granted. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseAccess"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description Unknown reference or wrong second factor (indistinguishable). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code: "case_not_found";
                    };
                };
            };
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        requestBody?: never;
        responses: {
            /** @description The case. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Case"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    streamCaseEvents: {
        parameters: {
            query?: {
                /**
                 * @description Same meaning as `Last-Event-ID` (for clients that cannot set the header); the header wins
                 *     when both are sent.
                 *
                 * @example 12
                 */
                after?: components["parameters"]["EventsAfter"];
            };
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
                /**
                 * @description The id of the last event the client received; the server resumes after it.
                 * @example 12
                 */
                "Last-Event-ID"?: components["parameters"]["LastEventId"];
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
        requestBody?: never;
        responses: {
            /** @description An event stream; the schema describes one event. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["CaseEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getChatAvailability: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
            /** @description The desk's availability. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChatAvailability"];
                };
            };
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    startConversation: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                "application/json": components["schemas"]["ConversationRequest"];
            };
        };
        responses: {
            /** @description Started. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            /** @description The desk is closed (`closed`), or the same Idempotency-Key is still being processed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ClosedProblem"] | components["schemas"]["IdempotencyInProgressProblem"];
                };
            };
            422: components["responses"]["IdempotencyMismatch"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getConversation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
            /** @description The conversation. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    listMessages: {
        parameters: {
            query?: {
                /**
                 * @description Return messages with a higher `seq` than this.
                 * @example 12
                 */
                after?: components["schemas"]["Seq0"];
                /**
                 * @description Return messages with a lower `seq` than this.
                 * @example 40
                 */
                before?: number;
                /**
                 * @description Page size.
                 * @example 50
                 */
                limit?: number;
            };
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MessagePage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                "application/json": components["schemas"]["MessageRequest"];
            };
        };
        responses: {
            /** @description Replay of a message already stored under this `clientId`. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            /** @description Message stored. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Message"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["ConversationEnded"];
            422: components["responses"]["IdempotencyMismatch"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    streamChatEvents: {
        parameters: {
            query?: {
                /**
                 * @description Same meaning as `Last-Event-ID` (for clients that cannot set the header); the header wins
                 *     when both are sent.
                 *
                 * @example 12
                 */
                after?: components["parameters"]["EventsAfter"];
            };
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
                /**
                 * @description The id of the last event the client received; the server resumes after it.
                 * @example 12
                 */
                "Last-Event-ID"?: components["parameters"]["LastEventId"];
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
            /** @description An event stream; the schema describes one event. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ChatEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    sendTyping: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                "application/json": components["schemas"]["TypingRequest"];
            };
        };
        responses: {
            /** @description Noted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["ConversationEnded"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    uploadAttachment: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                "multipart/form-data": components["schemas"]["AttachmentUpload"];
            };
        };
        responses: {
            /** @description Stored. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Attachment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
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
            /** @description The file is too large. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["PayloadTooLargeProblem"];
                };
            };
            /** @description The file type is not accepted. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["UnsupportedMediaTypeProblem"];
                };
            };
            /** @description Rejected by the malware scan (`attachment_rejected`), or Idempotency-Key reused with another body. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code: "attachment_rejected" | "idempotency_mismatch";
                    };
                };
            };
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    downloadAttachment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                /**
                 * @description Attachment id.
                 * @example 1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b
                 */
                attachmentId: components["parameters"]["AttachmentId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    /** @description `attachment; filename="<name>"` (RFC 6266, `filename*` for non-ASCII names). */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getTranscript: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
            /** @description The transcript. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    /** @description `attachment; filename="chat-<YYYY-MM-DD>.txt"` */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    endConversation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    sendOfflineMessage: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                "application/json": components["schemas"]["OfflineMessageRequest"];
            };
        };
        responses: {
            /** @description Received. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OfflineMessageReceipt"];
                };
            };
            400: components["responses"]["BadRequest"];
            409: components["responses"]["IdempotencyInProgress"];
            422: components["responses"]["IdempotencyMismatch"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getQueue: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        requestBody?: never;
        responses: {
            /** @description The queue. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueStatus"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    streamQueueEvents: {
        parameters: {
            query?: {
                /**
                 * @description Same meaning as `Last-Event-ID` (for clients that cannot set the header); the header wins
                 *     when both are sent.
                 *
                 * @example 12
                 */
                after?: components["parameters"]["EventsAfter"];
            };
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
                /**
                 * @description The id of the last event the client received; the server resumes after it.
                 * @example 12
                 */
                "Last-Event-ID"?: components["parameters"]["LastEventId"];
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
        requestBody?: never;
        responses: {
            /** @description An event stream; the schema describes one event. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["QueueEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    takeQueueTicket: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Location id.
                 * @example buergerbuero-mitte
                 */
                locationId: components["parameters"]["LocationId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QueueTicketRequest"];
            };
        };
        responses: {
            /** @description The ticket. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["TicketRefused"];
            422: components["responses"]["IdempotencyMismatch"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getTicket: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        requestBody?: never;
        responses: {
            /** @description The ticket. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Ticket"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    cancelTicket: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        requestBody?: never;
        responses: {
            /** @description Cancelled. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    streamTicketEvents: {
        parameters: {
            query?: {
                /**
                 * @description Same meaning as `Last-Event-ID` (for clients that cannot set the header); the header wins
                 *     when both are sent.
                 *
                 * @example 12
                 */
                after?: components["parameters"]["EventsAfter"];
            };
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
                /**
                 * @description The id of the last event the client received; the server resumes after it.
                 * @example 12
                 */
                "Last-Event-ID"?: components["parameters"]["LastEventId"];
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
        requestBody?: never;
        responses: {
            /** @description An event stream; the schema describes one event. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["TicketEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    getOffice: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
        requestBody?: never;
        responses: {
            /** @description The office. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Office"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    takeOfficeTicket: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
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
                 * @description Virtual office id.
                 * @example videobuero-buergeramt
                 */
                officeId: components["parameters"]["OfficeId"];
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OfficeTicketRequest"];
            };
        };
        responses: {
            /** @description The ticket. */
            201: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TicketCreated"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["TicketRefused"];
            422: components["responses"]["IdempotencyMismatch"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
    streamOfficeEvents: {
        parameters: {
            query?: {
                /**
                 * @description Same meaning as `Last-Event-ID` (for clients that cannot set the header); the header wins
                 *     when both are sent.
                 *
                 * @example 12
                 */
                after?: components["parameters"]["EventsAfter"];
            };
            header?: {
                /**
                 * @description Preferred languages for server texts (RFC 9110). Leichte Sprache is `de-x-ls`.
                 *     The response names the language used in `Content-Language`.
                 *
                 * @example de-x-ls, de;q=0.9, en;q=0.5
                 */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description Amtlicher Gemeindeschlüssel (8 digits) of the town, for back ends serving several towns.
                 *     Unknown AGS → `404 not_found`; absent → the back end's default town.
                 *
                 * @example 09162000
                 */
                "X-Civic-AGS"?: components["parameters"]["CivicAgs"];
                /**
                 * @description The id of the last event the client received; the server resumes after it.
                 * @example 12
                 */
                "Last-Event-ID"?: components["parameters"]["LastEventId"];
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
        requestBody?: never;
        responses: {
            /** @description An event stream; the schema describes one event. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["NoStore"];
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["OfficeEvent"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["RateLimited"];
            default: components["responses"]["Error"];
        };
    };
}
