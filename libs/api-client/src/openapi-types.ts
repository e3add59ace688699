// Generated from the gateway's OpenAPI document by `npm run api:client`; do not edit.
export interface paths {
  '/v1/call-flows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Define a call flow and its user-configurable parameters (tenant "platform" and locked flows: platform owner only)
     * @description Roles: platform, occupier-admin.
     */
    post: operations['defineCallFlow'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/call-flows/{flowId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change a call flow (a new version); queued switches that no longer fit fail at their time
     * @description Roles: platform, occupier-admin.
     */
    put: operations['changeCallFlow'];
    post?: never;
    /**
     * Delete a call flow; queued switches to it fail at their time
     * @description Roles: platform, occupier-admin.
     */
    delete: operations['deleteCallFlow'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/extensions/{extensionId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The extension’s whole configuration (the PIN only as its status; the default PIN for admins)
     * @description Roles: platform, occupier-admin, user.
     */
    get: operations['getExtension'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/extensions/{extensionId}/caller-id-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ask for a new caller ID (a number to rebrand as): recorded for support to follow up; the caller ID stays as it is
     * @description Roles: platform, occupier-admin, user.
     */
    post: operations['requestCallerId'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/extensions/{extensionId}/devices/{type}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Activate an IP phone, mobile app or desktop app (at most three, one of each)
     * @description Roles: platform, occupier-admin.
     */
    put: operations['activateDevice'];
    post?: never;
    /**
     * Deactivate a device
     * @description Roles: platform, occupier-admin.
     */
    delete: operations['deactivateDevice'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/extensions/{extensionId}/info': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Change the label, passcode and debug mode
     * @description Roles: platform, occupier-admin.
     */
    put: operations['updateExtensionInfo'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/extensions/{extensionId}/pin': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Replace the PIN (the user, on first use); a wrong current PIN counts as a failed attempt
     * @description Roles: platform, occupier-admin, user.
     */
    put: operations['changePin'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/extensions/{extensionId}/pin/reset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reset the PIN to its default and unlock it
     * @description Roles: platform, occupier-admin.
     */
    post: operations['resetPin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/extensions/{extensionId}/pin/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Check a PIN (voicemail, handset, voice portal sign-in); three wrong attempts lock it
     * @description Roles: platform, occupier-admin, user.
     */
    post: operations['verifyPin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/extensions/{extensionId}/settings': {
    parameters: {
      query?: never;
      header?: never;
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
     * Change ring devices, forwarding, DND, voicemail, call waiting, caller ID, usage limit or the no-answer action; all rules are checked together
     * @description Roles: platform, occupier-admin, user.
     */
    patch: operations['configureExtension'];
    trace?: never;
  };
  '/v1/me/phone-numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The numbers assigned to the calling user
     * @description Roles: platform, user.
     */
    get: operations['listMyPhoneNumbers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/profile': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The calling user’s own extensions and settings
     * @description Roles: platform, user.
     */
    get: operations['myProfile'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/numbers/{number}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One number as the site telephony list shows it
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['getNumber'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/numbers/{number}/display-name': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Label the number with a two-part display name (overrides the user’s name for display only)
     * @description Roles: platform, operator, occupier-admin.
     */
    put: operations['setDisplayName'];
    post?: never;
    /**
     * Remove the display name
     * @description Roles: platform, operator, occupier-admin.
     */
    delete: operations['clearDisplayName'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/numbers/{number}/fax': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A number’s fax mode and settings
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['getFaxSettings'];
    /**
     * Set a number’s eFax settings: outbound caller ID, inbound detection, wait time, rates, T.38, error correction
     * @description Roles: platform, operator, occupier-admin.
     */
    put: operations['configureFax'];
    post?: never;
    /**
     * Clear a number’s fax settings
     * @description Roles: platform, operator, occupier-admin.
     */
    delete: operations['clearFax'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/numbers/{number}/handset': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Log an active number in to a digital handset by its phone ID (HANDSET_IN_USE unless evict is true)
     * @description Roles: platform, operator, occupier-admin.
     */
    put: operations['loginHandset'];
    post?: never;
    /**
     * Log the number out of its handset
     * @description Roles: platform, operator, occupier-admin.
     */
    delete: operations['logoutHandset'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/numbers/{number}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A number's whole timeline across inventory, assignment, fax, extensions and call flows: what changed, when, by whom, through which command and why; oldest first, paged (an occupier sees only the periods it held the number)
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['getNumberHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/numbers/{number}/history.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A number's whole timeline as CSV (the same entries the paged history returns, the caller's scope applied)
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['downloadNumberHistory'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/numbers/{number}/routing': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Where the number routes, who it is assigned to, and its status
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['getRouting'];
    /**
     * Point an active number at nothing, a user, a route, a managed route, a conference room, a forward or fax, with its call settings
     * @description Roles: platform, operator, occupier-admin.
     */
    put: operations['routeNumber'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/numbers/{number}/service-number': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Designate a company’s active number as a service number (operator)
     * @description Roles: platform, operator.
     */
    put: operations['designateServiceNumber'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/numbers/{number}/state': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A number's complete state in every context as it stood at any past instant (an occupier: only while it held the number)
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['getNumberStateAt'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/numbers/{number}/user': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Assign an active, non-main number to one of the occupier’s users (a user holds one number)
     * @description Roles: platform, operator, occupier-admin.
     */
    put: operations['assignUser'];
    post?: never;
    /**
     * Unassign the number’s user
     * @description Roles: platform, operator, occupier-admin.
     */
    delete: operations['unassignUser'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/announcements/{fileId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Upload a no-answer message: an MP3 file of at most 524288 bytes, sent as the raw request body, checked from its content
     * @description Roles: platform, occupier-admin.
     */
    put: operations['uploadAnnouncement'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/call-flows': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The call flows the company’s service numbers may use: its own and the platform’s, with their parameters
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['listOccupierCallFlows'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/destinations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The occupier’s routes, managed routes and conference rooms a number can point at
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['listOccupierDestinations'];
    put?: never;
    /**
     * Create a route, managed route or conference room that numbers can point at
     * @description Roles: platform, operator, occupier-admin.
     */
    post: operations['createDestination'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/destinations/{destinationId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Rename a destination
     * @description Roles: platform, operator, occupier-admin.
     */
    put: operations['renameDestination'];
    post?: never;
    /**
     * Remove a destination no number points at (else DESTINATION_IN_USE)
     * @description Roles: platform, operator, occupier-admin.
     */
    delete: operations['removeDestination'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/device-licences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The occupier’s device licences of each type: licensed, in use and free
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['getDeviceLicences'];
    /**
     * The devices of each type the occupier is licensed to activate (set by the operator or billing); every device activated takes one, and none activates without a free licence
     * @description Roles: platform, operator.
     */
    put: operations['setDeviceLicences'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/extensions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The occupier’s extensions with their settings (no PINs), for the portal’s extension selectors
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['listOccupierExtensions'];
    put?: never;
    /**
     * Create an extension for one of the occupier’s users; answers with its random default PIN
     * @description Roles: platform, occupier-admin.
     */
    post: operations['createExtension'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/extensions/{extensionId}/answered-device': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * The telephony platform reports the device a call was answered or made on: with several devices active and none chosen, it is the one that rings
     * @description Roles: platform.
     */
    post: operations['recordAnsweredDevice'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/extensions/{extensionId}/auto-provisioning': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Auto-provisioning registered the extension’s IP phone licence: the device’s status shows its name and MAC address
     * @description Roles: platform.
     */
    post: operations['recordAutoProvisioning'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/extensions/{extensionId}/usage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The extension’s usage in the period an instant falls in (now by default): minutes used, the limit, and when the period resets
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['getExtensionUsage'];
    put?: never;
    /**
     * A call-detail record: its minutes count against the extension’s usage of the month the call ended in; the same callId counts once; reaching the monthly limit emits ExtensionUsageLimitReached
     * @description Roles: platform.
     */
    post: operations['recordUsage'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/fax-caller-ids': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The occupier’s numbers usable as outbound eFax caller ID
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['listFaxCallerIds'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/features': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * The occupier account’s features: with the (advanced) conference bridge its numbers may be routed to its conference rooms
     * @description Roles: platform, operator.
     */
    put: operations['setAccountFeatures'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/greetings/{greetingId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Upload a conference-room greeting: a WAV or MP3 file of at most 524288 bytes, sent as the raw request body
     * @description Roles: platform, operator, occupier-admin.
     */
    put: operations['uploadGreeting'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/name': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Name an organisation, as site lists and exports show whom its numbers are allocated to
     * @description Roles: platform.
     */
    put: operations['nameOccupier'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An occupier's numbers at each of its sites
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['listOccupierNumbers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/outbound-rules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The occupier’s outbound rules, for the extension settings’ outbound rule selector
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['listOutboundRules'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/outbound-rules/{ruleId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Define or change an outbound rule: the kinds of calls extensions on it may make, and those that ask for the extension’s passcode first
     * @description Roles: platform, occupier-admin.
     */
    put: operations['defineOutboundRule'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/phone-numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The occupier’s phone numbers: extension, status, assigned to, routing; by site, searchable by number or assigned-to
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['listOccupierPhoneNumbers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/service-numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Service numbers with national and international form, current flow and values, and the next scheduled change
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['listServiceNumbers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/time-zone': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * The occupier’s time zone (IANA): its usage periods reset at 00:00 on the first day of each month there (UTC until set)
     * @description Roles: platform, operator, occupier-admin.
     */
    put: operations['setTimeZone'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The occupier’s users, for the "assigned to" and "user" selectors
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['listOccupierUsers'];
    put?: never;
    /**
     * Register one of the occupier’s users
     * @description Roles: platform, operator, occupier-admin.
     */
    post: operations['registerUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/occupiers/{occupierId}/users/{userId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Rename a user
     * @description Roles: platform, operator, occupier-admin.
     */
    put: operations['renameUser'];
    post?: never;
    /**
     * Remove a user; numbers routed to the user lose their routing
     * @description Roles: platform, operator, occupier-admin.
     */
    delete: operations['removeUser'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/service-numbers/{number}': {
    parameters: {
      query?: never;
      header?: never;
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
     * Name (up to 100 characters) and describe (up to 250) a service number
     * @description Roles: platform, occupier-admin.
     */
    patch: operations['describeServiceNumber'];
    trace?: never;
  };
  '/v1/service-numbers/{number}/flow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Assign the call flow and its parameter values (each bad value is named)
     * @description Roles: platform, occupier-admin.
     */
    put: operations['assignFlow'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/service-numbers/{number}/override': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Override the flow now, until the next scheduled boundary or until cleared
     * @description Roles: platform, occupier-admin.
     */
    put: operations['overrideFlow'];
    post?: never;
    /**
     * Clear the override; the schedule’s flow in force applies
     * @description Roles: platform, occupier-admin.
     */
    delete: operations['clearOverride'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/service-numbers/{number}/scheduled-switches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Schedule a switch of flow and/or values at a local time in an IANA time zone
     * @description Roles: platform, occupier-admin.
     */
    post: operations['scheduleFlowSwitch'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/service-numbers/{number}/scheduled-switches/{scheduleId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Move a queued switch to another time
     * @description Roles: platform, occupier-admin.
     */
    put: operations['rescheduleFlowSwitch'];
    post?: never;
    /**
     * Cancel a queued switch
     * @description Roles: platform, occupier-admin.
     */
    delete: operations['cancelFlowSwitch'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/service-numbers/{number}/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Past and future switches of a service number
     * @description Roles: platform, operator, occupier-admin.
     */
    get: operations['serviceNumberTimeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/service-numbers/{number}/weekly-schedule': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Weekly open/closed periods with exception dates (null removes the schedule)
     * @description Roles: platform, occupier-admin.
     */
    put: operations['setWeeklySchedule'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/allocations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Give an occupier N available numbers from the site, all or none
     * @description Roles: platform, operator.
     */
    post: operations['allocateNumbers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/handsets': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The handsets at a site and which number is logged in to each
     * @description Roles: platform, operator.
     */
    get: operations['listSiteHandsets'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The site telephony list: filter by status and allocation, search, page (cursor: the nextCursor of the page before; page: offset paging); sorted by number
     * @description Roles: platform, operator.
     */
    get: operations['listSiteNumbers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * CSV of exactly the filtered site telephony rows, streamed
     * @description Roles: platform, operator.
     */
    get: operations['downloadSiteNumbers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers/{number}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Put an allocated number into service
     * @description Roles: platform, operator.
     */
    post: operations['activateNumber'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers/{number}/allocate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Allocate a number to the operator or an occupier
     * @description Roles: platform, operator.
     */
    post: operations['allocateNumber'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers/{number}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Take a number out of service; it stays allocated
     * @description Roles: platform, operator.
     */
    post: operations['deactivateNumber'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers/{number}/deallocate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Return a number to the available pool
     * @description Roles: platform, operator.
     */
    post: operations['deallocateNumber'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers/{number}/lock': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Lock a number so it cannot be allocated
     * @description Roles: platform.
     */
    put: operations['lockNumber'];
    post?: never;
    /**
     * Unlock a number
     * @description Roles: platform.
     */
    delete: operations['unlockNumber'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers/{number}/main-number': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Nominate a number as a main number
     * @description Roles: platform, operator.
     */
    put: operations['nominateMainNumber'];
    post?: never;
    /**
     * Remove a main-number nomination
     * @description Roles: platform, operator.
     */
    delete: operations['removeMainNumberNomination'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers/bulk': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Allocate, deallocate, activate, deactivate, lock or unlock up to 10,000 numbers (a list or a range) with a result per number; dryRun writes nothing
     * @description Roles: platform, operator.
     */
    post: operations['bulkChangeNumbers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Provision and update numbers from a CSV file (columns number, range_name, kind, ext, owner, status, main; up to 10,000 rows) with a result per row; dryRun=true writes nothing
     * @description Roles: platform, operator.
     */
    post: operations['importNumbers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/numbers/provision': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Provision numbers at a site, singly or as a range of up to 10,000
     * @description Roles: platform.
     */
    post: operations['provisionNumbers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/occupiers/{occupierId}/voice-services': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Whether the occupier has voice services at the site, and how many numbers it holds there
     * @description Roles: platform, operator.
     */
    get: operations['getVoiceServices'];
    /**
     * Voice services for an occupier at the site; an occupier with no numbers reserved there gets `numbers` (default 1) of the available ones allocated with them, atomically
     * @description Roles: platform, operator.
     */
    put: operations['addVoiceServices'];
    post?: never;
    /**
     * End the occupier’s voice services at the site (its numbers stay allocated)
     * @description Roles: platform, operator.
     */
    delete: operations['removeVoiceServices'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/sites/{siteId}/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Set the site's cooling-off period for numbers that leave service, and whether a previous owner may reclaim a number while it cools off (off by default)
     * @description Roles: platform.
     */
    put: operations['configureSite'];
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
    Error: {
      /** @enum {string} */
      code:
        | 'VALIDATION_FAILED'
        | 'UNAUTHENTICATED'
        | 'FORBIDDEN'
        | 'NOT_FOUND'
        | 'INVALID_TRANSITION'
        | 'RULE_VIOLATED'
        | 'CONCURRENCY_CONFLICT'
        | 'IDEMPOTENCY_KEY_REUSED'
        | 'TOO_MANY_ATTEMPTS'
        | 'UNAVAILABLE'
        | 'INTERNAL';
      fields?: {
        message?: string;
        path?: string;
      }[];
      /** @description With rule CONSISTENCY_NOT_REACHED (503): the followers in the context reached that had not yet processed what the Consistency-Token names, and how many events each still had to */
      lag?: {
        events: number;
        follower: string;
      }[];
      message: string;
      retryable?: boolean;
      /** @description For INVALID_TRANSITION and RULE_VIOLATED: which business rule refused the request; COMMAND_IN_PROGRESS for a CONCURRENCY_CONFLICT on an Idempotency-Key whose first request still runs */
      rule?: string;
    };
    Error400: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'VALIDATION_FAILED';
    };
    Error401: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'UNAUTHENTICATED';
    };
    Error403: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'FORBIDDEN';
    };
    Error404: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'NOT_FOUND';
    };
    Error409: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'INVALID_TRANSITION' | 'RULE_VIOLATED' | 'CONCURRENCY_CONFLICT';
    };
    Error413: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'VALIDATION_FAILED';
    };
    Error415: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'VALIDATION_FAILED';
    };
    Error422: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'IDEMPOTENCY_KEY_REUSED';
    };
    Error429: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'TOO_MANY_ATTEMPTS';
    };
    Error500: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'INTERNAL';
    };
    Error503: components['schemas']['Error'] & {
      /** @enum {unknown} */
      code?: 'UNAVAILABLE';
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  defineCallFlow: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          flowId: string;
          /** @default false */
          locked?: boolean;
          name: string;
          /** @default [] */
          parameters?: (
            | {
                maxLength: number;
                name: string;
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'text';
              }
            | {
                max: number;
                min: number;
                name: string;
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'integer';
              }
            | {
                name: string;
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'boolean';
              }
            | {
                name: string;
                options: string[];
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'one-of';
              }
            | {
                name: string;
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'phone-number';
              }
            | {
                name: string;
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'audio-prompt';
              }
          )[];
          tenant: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            flowId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  changeCallFlow: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        flowId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          parameters: (
            | {
                maxLength: number;
                name: string;
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'text';
              }
            | {
                max: number;
                min: number;
                name: string;
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'integer';
              }
            | {
                name: string;
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'boolean';
              }
            | {
                name: string;
                options: string[];
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'one-of';
              }
            | {
                name: string;
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'phone-number';
              }
            | {
                name: string;
                /** @default false */
                required?: boolean;
                /** @constant */
                type: 'audio-prompt';
              }
          )[];
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            flowId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  deleteCallFlow: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        flowId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            flowId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getExtension: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        extensionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The extension */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            assignee: {
              /** @enum {string} */
              role: 'member' | 'supervisor' | 'admin';
              /** @enum {string} */
              type: 'normal' | 'call-group' | 'contact-centre';
              userId: string;
            };
            devices: {
              deviceId: string;
              /** @description manual, or "<device name> - <MAC address>" once auto-provisioning registered the IP phone */
              status: string;
              /** @enum {string} */
              type: 'ip-phone' | 'mobile-app' | 'desktop-app';
            }[];
            extensionId: string;
            handset: string | null;
            info: {
              debugMode: boolean;
              hotDesking: boolean;
              label: string;
              passcode: string | null;
              registeredMobile: string | null;
            };
            key: string;
            lastAnsweredDevice: ('ip-phone' | 'mobile-app' | 'desktop-app') | null;
            number: string | null;
            pin: {
              /** @description Shown to administrators while the PIN is still the default; null otherwise */
              defaultPin: string | null;
              failedAttempts: number;
              /** @enum {string} */
              status: 'default' | 'custom' | 'locked';
            };
            /** @description The devices that ring (none when a gateway’s SIP account takes the calls) */
            ringing: ('ip-phone' | 'mobile-app' | 'desktop-app')[];
            settings: {
              authorizationCode: boolean;
              callerId: {
                allowedNumbers: string[];
                forward: {
                  /** @enum {string} */
                  external: 'assigned-caller-id' | 'caller-number';
                  /** @enum {string} */
                  internal: 'extension-key' | 'caller-number';
                };
                hide: boolean;
                /** @enum {string} */
                mode: 'fixed' | 'pick-from-list' | 'randomize';
                number: string | null;
                transfer: {
                  /** @enum {string} */
                  external: 'assigned-caller-id' | 'caller-number';
                  /** @enum {string} */
                  internal: 'extension-key' | 'caller-number';
                };
              };
              callWaiting: boolean;
              doNotDisturb: boolean;
              forwarding: {
                always: {
                  extensions: string[];
                  numbers: string[];
                } | null;
                busy: {
                  extensions: string[];
                  numbers: string[];
                } | null;
                noAnswer: {
                  extensions: string[];
                  numbers: string[];
                } | null;
                vipList: string[];
              };
              gatewayMapping: {
                sipAccount: string;
              } | null;
              localSipServer: string | null;
              noAnswer:
                | (
                    | {
                        /** @constant */
                        action: 'forward';
                        forwardTo: string;
                      }
                    | {
                        /** @enum {string} */
                        action: 'hang-up' | 'record-notify' | 'voicemail-notify';
                        afterSeconds: number;
                        message:
                          | (
                              | {
                                  fileId: string;
                                  /** @constant */
                                  type: 'mp3';
                                }
                              | {
                                  /** @enum {string} */
                                  gender: 'female' | 'male';
                                  language: string;
                                  pitch: number;
                                  rate: number;
                                  text: string;
                                  /** @constant */
                                  type: 'tts';
                                }
                            )
                          | null;
                        notifyEmails: string[];
                      }
                  )
                | null;
              outboundRule: string | null;
              primaryDevice: ('ip-phone' | 'mobile-app' | 'desktop-app') | null;
              ringDevices: ('ip-phone' | 'mobile-app' | 'desktop-app')[] | null;
              transport: {
                stun: boolean;
                tls: boolean;
              };
              usageLimit:
                | {
                    /** @constant */
                    type: 'unlimited';
                  }
                | {
                    minutes: number;
                    /** @constant */
                    type: 'monthly';
                  };
              voicemail: {
                email: string | null;
                enabled: boolean;
              };
            };
            siteId: string | null;
            tenant: string;
            /** @description The longest voicemail message recorded */
            voicemailMaxSeconds: number;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  requestCallerId: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          number: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  activateDevice: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
        type: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          deviceId: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  deactivateDevice: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
        type: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  updateExtensionInfo: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default false */
          debugMode?: boolean;
          /**
           * @description Whether the number may log in to shared handsets
           * @default false
           */
          hotDesking?: boolean;
          label: string;
          /** @default null */
          passcode?: string | null;
          /**
           * @description The user’s registered mobile, usable as the fixed caller ID
           * @default null
           */
          registeredMobile?: string | null;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  changePin: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          currentPin: string;
          newPin: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS (retryable, with the rule): too many wrong guesses lately */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error429'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  resetPin: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  verifyPin: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          pin: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description TOO_MANY_ATTEMPTS (retryable, with the rule): too many wrong guesses lately */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error429'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  configureExtension: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          authorizationCode?: boolean;
          callerId?: {
            /** @default [] */
            allowedNumbers?: string[];
            /**
             * @default {
             *       "internal": "extension-key",
             *       "external": "assigned-caller-id"
             *     }
             */
            forward?: {
              /** @enum {string} */
              external: 'assigned-caller-id' | 'caller-number';
              /** @enum {string} */
              internal: 'extension-key' | 'caller-number';
            };
            /** @default false */
            hide?: boolean;
            /**
             * @default fixed
             * @enum {string}
             */
            mode?: 'fixed' | 'pick-from-list' | 'randomize';
            /** @default null */
            number?: string | null;
            /**
             * @default {
             *       "internal": "extension-key",
             *       "external": "assigned-caller-id"
             *     }
             */
            transfer?: {
              /** @enum {string} */
              external: 'assigned-caller-id' | 'caller-number';
              /** @enum {string} */
              internal: 'extension-key' | 'caller-number';
            };
          };
          callWaiting?: boolean;
          doNotDisturb?: boolean;
          forwarding?: {
            /** @default null */
            always?: {
              /** @default [] */
              extensions?: string[];
              /** @default [] */
              numbers?: string[];
            } | null;
            /** @default null */
            busy?: {
              /** @default [] */
              extensions?: string[];
              /** @default [] */
              numbers?: string[];
            } | null;
            /** @default null */
            noAnswer?: {
              /** @default [] */
              extensions?: string[];
              /** @default [] */
              numbers?: string[];
            } | null;
            /** @default [] */
            vipList?: string[];
          };
          /** @description Every incoming call goes to this SIP account of a gateway */
          gatewayMapping?: {
            sipAccount: string;
          } | null;
          /** @description The IP address of a SIP server inside the firewall (desktop app only) */
          localSipServer?: string | null;
          noAnswer?:
            | (
                | {
                    /** @constant */
                    action: 'forward';
                    forwardTo: string;
                  }
                | {
                    /** @enum {string} */
                    action: 'hang-up' | 'record-notify' | 'voicemail-notify';
                    afterSeconds: number;
                    /** @default null */
                    message?:
                      | (
                          | {
                              fileId: string;
                              /** @constant */
                              type: 'mp3';
                            }
                          | {
                              /** @enum {string} */
                              gender: 'female' | 'male';
                              language: string;
                              pitch: number;
                              rate: number;
                              text: string;
                              /** @constant */
                              type: 'tts';
                            }
                        )
                      | null;
                    /** @default [] */
                    notifyEmails?: string[];
                  }
              )
            | null;
          /** @description One of the occupier’s outbound rules: the calls the extension may make */
          outboundRule?: string | null;
          /** @description A contact-centre extension’s default device to ring */
          primaryDevice?: ('ip-phone' | 'mobile-app' | 'desktop-app') | null;
          ringDevices?: ('ip-phone' | 'mobile-app' | 'desktop-app')[] | null;
          transport?: {
            stun: boolean;
            tls: boolean;
          };
          usageLimit?:
            | {
                /** @constant */
                type: 'unlimited';
              }
            | {
                minutes: number;
                /** @constant */
                type: 'monthly';
              };
          voicemail?: {
            /** @default null */
            email?: string | null;
            enabled: boolean;
          };
        };
      };
    };
    responses: {
      /** @description The ids of the events appended, one per changed section */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listMyPhoneNumbers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The caller’s own numbers */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              assignedTo:
                | (
                    | {
                        /** @constant */
                        type: 'main-number';
                      }
                    | {
                        name: string;
                        /** @constant */
                        type: 'user';
                        userId: string;
                      }
                    | {
                        name: string;
                        /** @constant */
                        type: 'display-name';
                      }
                  )
                | null;
              displayName: {
                first: string;
                second: string;
              } | null;
              ext: string | null;
              isMain: boolean;
              number: string;
              routing: {
                destinationId: string | null;
                destinationName: string | null;
                /** @description The extension a user destination rings */
                extensionId: string | null;
                forwardTo: string | null;
                /** @enum {string} */
                type: 'none' | 'user' | 'route' | 'managed-route' | 'conference-room' | 'call-forwarding' | 'fax';
              };
              siteId: string;
              /** @enum {string} */
              status: 'reserved' | 'active' | 'pending';
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  myProfile: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description My profile */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            extensions: {
              assignee: {
                /** @enum {string} */
                role: 'member' | 'supervisor' | 'admin';
                /** @enum {string} */
                type: 'normal' | 'call-group' | 'contact-centre';
                userId: string;
              };
              devices: {
                deviceId: string;
                /** @description manual, or "<device name> - <MAC address>" once auto-provisioning registered the IP phone */
                status: string;
                /** @enum {string} */
                type: 'ip-phone' | 'mobile-app' | 'desktop-app';
              }[];
              extensionId: string;
              handset: string | null;
              info: {
                debugMode: boolean;
                hotDesking: boolean;
                label: string;
                passcode: string | null;
                registeredMobile: string | null;
              };
              key: string;
              lastAnsweredDevice: ('ip-phone' | 'mobile-app' | 'desktop-app') | null;
              number: string | null;
              pin: {
                /** @description Shown to administrators while the PIN is still the default; null otherwise */
                defaultPin: string | null;
                failedAttempts: number;
                /** @enum {string} */
                status: 'default' | 'custom' | 'locked';
              };
              /** @description The devices that ring (none when a gateway’s SIP account takes the calls) */
              ringing: ('ip-phone' | 'mobile-app' | 'desktop-app')[];
              settings: {
                authorizationCode: boolean;
                callerId: {
                  allowedNumbers: string[];
                  forward: {
                    /** @enum {string} */
                    external: 'assigned-caller-id' | 'caller-number';
                    /** @enum {string} */
                    internal: 'extension-key' | 'caller-number';
                  };
                  hide: boolean;
                  /** @enum {string} */
                  mode: 'fixed' | 'pick-from-list' | 'randomize';
                  number: string | null;
                  transfer: {
                    /** @enum {string} */
                    external: 'assigned-caller-id' | 'caller-number';
                    /** @enum {string} */
                    internal: 'extension-key' | 'caller-number';
                  };
                };
                callWaiting: boolean;
                doNotDisturb: boolean;
                forwarding: {
                  always: {
                    extensions: string[];
                    numbers: string[];
                  } | null;
                  busy: {
                    extensions: string[];
                    numbers: string[];
                  } | null;
                  noAnswer: {
                    extensions: string[];
                    numbers: string[];
                  } | null;
                  vipList: string[];
                };
                gatewayMapping: {
                  sipAccount: string;
                } | null;
                localSipServer: string | null;
                noAnswer:
                  | (
                      | {
                          /** @constant */
                          action: 'forward';
                          forwardTo: string;
                        }
                      | {
                          /** @enum {string} */
                          action: 'hang-up' | 'record-notify' | 'voicemail-notify';
                          afterSeconds: number;
                          message:
                            | (
                                | {
                                    fileId: string;
                                    /** @constant */
                                    type: 'mp3';
                                  }
                                | {
                                    /** @enum {string} */
                                    gender: 'female' | 'male';
                                    language: string;
                                    pitch: number;
                                    rate: number;
                                    text: string;
                                    /** @constant */
                                    type: 'tts';
                                  }
                              )
                            | null;
                          notifyEmails: string[];
                        }
                    )
                  | null;
                outboundRule: string | null;
                primaryDevice: ('ip-phone' | 'mobile-app' | 'desktop-app') | null;
                ringDevices: ('ip-phone' | 'mobile-app' | 'desktop-app')[] | null;
                transport: {
                  stun: boolean;
                  tls: boolean;
                };
                usageLimit:
                  | {
                      /** @constant */
                      type: 'unlimited';
                    }
                  | {
                      minutes: number;
                      /** @constant */
                      type: 'monthly';
                    };
                voicemail: {
                  email: string | null;
                  enabled: boolean;
                };
              };
              siteId: string | null;
              tenant: string;
              /** @description The longest voicemail message recorded */
              voicemailMaxSeconds: number;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The number */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            allocatedTo:
              | (
                  | {
                      /** @constant */
                      type: 'operator';
                    }
                  | {
                      /** @description The organisation’s name; null until the platform names it */
                      name: string | null;
                      occupierId: string;
                      /** @constant */
                      type: 'occupier';
                    }
                )
              | null;
            assignedUserId: string | null;
            /** @description ISO 8601: until when the number cools off after leaving service */
            coolingOffUntil: string | null;
            ext: string | null;
            isMain: boolean;
            /** @enum {string} */
            kind: 'standard' | 'ivr' | 'hunt-group' | 'remote-access-voicemail';
            locked: boolean;
            number: string;
            portedFrom: string | null;
            portedIn: boolean;
            rangeName: string;
            revision: number;
            siteId: string;
            /** @enum {string} */
            status: 'AVAILABLE' | 'RESERVED' | 'ACTIVE' | 'ASSIGNED';
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setDisplayName: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          first: string;
          /** @default  */
          second?: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  clearDisplayName: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getFaxSettings: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Fax mode (fax-only, voice-and-fax, outbound-only, off) and settings */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @enum {string} */
            mode: 'fax-only' | 'voice-and-fax' | 'outbound-only' | 'off';
            number: string;
            outboundCallerId: boolean;
            revision: number;
            /** @description Whether the number's routing sends calls to fax */
            routedToFax: boolean;
            settings: {
              detectionWaitSeconds: number;
              errorCorrection: boolean;
              inboundDetection: boolean;
              /** @enum {number} */
              maxRate: 2400 | 4800 | 7200 | 9600 | 12000 | 14400;
              /** @enum {number} */
              minRate: 2400 | 4800 | 7200 | 9600 | 12000 | 14400;
              outboundCallerId: boolean;
              t38: boolean;
            } | null;
            siteId: string;
            tenant: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  configureFax: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          settings: {
            /** @default 5 */
            detectionWaitSeconds?: number;
            /** @default true */
            errorCorrection?: boolean;
            /** @default false */
            inboundDetection?: boolean;
            /**
             * @default 14400
             * @enum {number}
             */
            maxRate?: 2400 | 4800 | 7200 | 9600 | 12000 | 14400;
            /**
             * @default 2400
             * @enum {number}
             */
            minRate?: 2400 | 4800 | 7200 | 9600 | 12000 | 14400;
            /** @default false */
            outboundCallerId?: boolean;
            /** @default true */
            t38?: boolean;
          };
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  clearFax: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  loginHandset: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default false */
          evict?: boolean;
          phoneId: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  logoutHandset: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getNumberHistory: {
    parameters: {
      query?: {
        cursor?: string;
        limit?: number;
      };
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of the timeline and the cursor of the next (null on the last) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: {
              causationId: string | null;
              command: string | null;
              commandId: string;
              context: string;
              correlationId: string;
              data: unknown;
              eventId: string;
              principal: {
                id: string;
                role: string;
              } | null;
              recordedAt: string;
              revision: number;
              streamId: string;
              tenantId: string | null;
              type: string;
              why: {
                causedBy: {
                  context: string;
                  eventId: string;
                  type: string;
                } | null;
                reason: string | null;
              };
            }[];
            nextCursor: string | null;
            number: string;
            siteId: string | null;
            unavailable: string[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  downloadNumberHistory: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/csv */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getRouting: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The number as the occupier’s portal list shows it */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            assignedTo:
              | (
                  | {
                      /** @constant */
                      type: 'main-number';
                    }
                  | {
                      name: string;
                      /** @constant */
                      type: 'user';
                      userId: string;
                    }
                  | {
                      name: string;
                      /** @constant */
                      type: 'display-name';
                    }
                )
              | null;
            displayName: {
              first: string;
              second: string;
            } | null;
            ext: string | null;
            isMain: boolean;
            number: string;
            routing: {
              destinationId: string | null;
              destinationName: string | null;
              /** @description The extension a user destination rings */
              extensionId: string | null;
              forwardTo: string | null;
              /** @enum {string} */
              type: 'none' | 'user' | 'route' | 'managed-route' | 'conference-room' | 'call-forwarding' | 'fax';
            };
            siteId: string;
            /** @enum {string} */
            status: 'reserved' | 'active' | 'pending';
            tenant: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  routeNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          destination:
            | {
                /** @constant */
                type: 'none';
              }
            | {
                /** @description Which of the user’s extensions the number rings; may be left out when the user has exactly one */
                extensionId?: string;
                /** @constant */
                type: 'user';
                userId: string;
              }
            | {
                destinationId: string;
                /** @constant */
                type: 'route';
              }
            | {
                destinationId: string;
                /** @constant */
                type: 'managed-route';
              }
            | {
                destinationId: string;
                /** @default null */
                greetingId?: string | null;
                /** @default false */
                pinlessEntry?: boolean;
                /** @constant */
                type: 'conference-room';
              }
            | {
                forwardTo: string;
                /** @constant */
                type: 'call-forwarding';
              }
            | {
                /** @constant */
                type: 'fax';
              };
          /**
           * @default {
           *       "locationSiteId": null,
           *       "prependCallerId": null,
           *       "distinctiveRing": null,
           *       "emergencyRouteId": null,
           *       "recordInbound": false
           *     }
           */
          settings?: {
            /** @default null */
            distinctiveRing?: ('standard' | 'short-short' | 'short-long' | 'long-short' | 'long-long' | 'triple') | null;
            /** @default null */
            emergencyRouteId?: string | null;
            /** @default null */
            locationSiteId?: string | null;
            /** @default null */
            prependCallerId?: string | null;
            /** @default false */
            recordInbound?: boolean;
          };
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  designateServiceNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default null */
          description?: string | null;
          name: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description When call-flow decided (ISO 8601) */
            decidedAt: string;
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            events: (
              | 'ServiceNumberObserved'
              | 'ServiceNumberDesignated'
              | 'ServiceNumberDescribed'
              | 'FlowAssigned'
              | 'FlowSwitchScheduled'
              | 'FlowSwitchRescheduled'
              | 'ServiceNumberReleased'
              | 'FlowSwitchCancelled'
              | 'FlowSwitched'
              | 'FlowSwitchFailed'
              | 'WeeklyScheduleSet'
              | 'FlowOverridden'
              | 'FlowOverrideCleared'
            )[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getNumberStateAt: {
    parameters: {
      query: {
        at: string;
      };
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Each context's streams of the number, with their revision and state at that instant */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            at: string;
            contexts: {
              [key: string]: {
                revision: number;
                state: unknown;
                streamId: string;
              }[];
            };
            number: string;
            siteId: string | null;
            unavailable: string[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  assignUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          userId: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  unassignUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  uploadAnnouncement: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        fileId: string;
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/octet-stream': string;
        'audio/mpeg': string;
      };
    };
    responses: {
      /** @description The stored message: size and SHA-256 */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            bytes: number;
            /** @constant */
            contentType: 'audio/mpeg';
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            fileId: string;
            sha256: string;
            tenant: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listOccupierCallFlows: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Flows by owner and id */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              flowId: string;
              locked: boolean;
              name: string;
              parameters: (
                | {
                    maxLength: number;
                    name: string;
                    required: boolean;
                    /** @constant */
                    type: 'text';
                  }
                | {
                    max: number;
                    min: number;
                    name: string;
                    required: boolean;
                    /** @constant */
                    type: 'integer';
                  }
                | {
                    name: string;
                    required: boolean;
                    /** @constant */
                    type: 'boolean';
                  }
                | {
                    name: string;
                    options: string[];
                    required: boolean;
                    /** @constant */
                    type: 'one-of';
                  }
                | {
                    name: string;
                    required: boolean;
                    /** @constant */
                    type: 'phone-number';
                  }
                | {
                    name: string;
                    required: boolean;
                    /** @constant */
                    type: 'audio-prompt';
                  }
              )[];
              /** @description The company, or "platform" for the platform’s own flows */
              tenant: string;
              version: number;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listOccupierDestinations: {
    parameters: {
      query?: {
        kind?: 'route' | 'managed-route' | 'conference-room';
      };
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Destinations by kind and name */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              destinationId: string;
              /** @enum {string} */
              kind: 'route' | 'managed-route' | 'conference-room';
              name: string;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  createDestination: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          destinationId: string;
          /** @enum {string} */
          kind: 'route' | 'managed-route' | 'conference-room';
          name: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  renameDestination: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        destinationId: string;
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  removeDestination: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        destinationId: string;
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getDeviceLicences: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Licensed, used and free devices per type */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            licences: {
              free: number;
              licensed: number;
              /** @enum {string} */
              type: 'ip-phone' | 'mobile-app' | 'desktop-app';
              /** @description Devices activated on a licence of this type */
              used: number;
            }[];
            occupierId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setDeviceLicences: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          licences: {
            'desktop-app': number;
            'ip-phone': number;
            'mobile-app': number;
          };
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listOccupierExtensions: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Extensions by id */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            extensions: {
              assignee: {
                /** @enum {string} */
                role: 'member' | 'supervisor' | 'admin';
                /** @enum {string} */
                type: 'normal' | 'call-group' | 'contact-centre';
                userId: string;
              };
              devices: {
                deviceId: string;
                /** @description manual, or "<device name> - <MAC address>" once auto-provisioning registered the IP phone */
                status: string;
                /** @enum {string} */
                type: 'ip-phone' | 'mobile-app' | 'desktop-app';
              }[];
              extensionId: string;
              handset: string | null;
              info: {
                debugMode: boolean;
                hotDesking: boolean;
                label: string;
                passcode: string | null;
                registeredMobile: string | null;
              };
              key: string;
              lastAnsweredDevice: ('ip-phone' | 'mobile-app' | 'desktop-app') | null;
              number: string | null;
              pin: {
                /** @description Shown to administrators while the PIN is still the default; null otherwise */
                defaultPin: string | null;
                failedAttempts: number;
                /** @enum {string} */
                status: 'default' | 'custom' | 'locked';
              };
              /** @description The devices that ring (none when a gateway’s SIP account takes the calls) */
              ringing: ('ip-phone' | 'mobile-app' | 'desktop-app')[];
              settings: {
                authorizationCode: boolean;
                callerId: {
                  allowedNumbers: string[];
                  forward: {
                    /** @enum {string} */
                    external: 'assigned-caller-id' | 'caller-number';
                    /** @enum {string} */
                    internal: 'extension-key' | 'caller-number';
                  };
                  hide: boolean;
                  /** @enum {string} */
                  mode: 'fixed' | 'pick-from-list' | 'randomize';
                  number: string | null;
                  transfer: {
                    /** @enum {string} */
                    external: 'assigned-caller-id' | 'caller-number';
                    /** @enum {string} */
                    internal: 'extension-key' | 'caller-number';
                  };
                };
                callWaiting: boolean;
                doNotDisturb: boolean;
                forwarding: {
                  always: {
                    extensions: string[];
                    numbers: string[];
                  } | null;
                  busy: {
                    extensions: string[];
                    numbers: string[];
                  } | null;
                  noAnswer: {
                    extensions: string[];
                    numbers: string[];
                  } | null;
                  vipList: string[];
                };
                gatewayMapping: {
                  sipAccount: string;
                } | null;
                localSipServer: string | null;
                noAnswer:
                  | (
                      | {
                          /** @constant */
                          action: 'forward';
                          forwardTo: string;
                        }
                      | {
                          /** @enum {string} */
                          action: 'hang-up' | 'record-notify' | 'voicemail-notify';
                          afterSeconds: number;
                          message:
                            | (
                                | {
                                    fileId: string;
                                    /** @constant */
                                    type: 'mp3';
                                  }
                                | {
                                    /** @enum {string} */
                                    gender: 'female' | 'male';
                                    language: string;
                                    pitch: number;
                                    rate: number;
                                    text: string;
                                    /** @constant */
                                    type: 'tts';
                                  }
                              )
                            | null;
                          notifyEmails: string[];
                        }
                    )
                  | null;
                outboundRule: string | null;
                primaryDevice: ('ip-phone' | 'mobile-app' | 'desktop-app') | null;
                ringDevices: ('ip-phone' | 'mobile-app' | 'desktop-app')[] | null;
                transport: {
                  stun: boolean;
                  tls: boolean;
                };
                usageLimit:
                  | {
                      /** @constant */
                      type: 'unlimited';
                    }
                  | {
                      minutes: number;
                      /** @constant */
                      type: 'monthly';
                    };
                voicemail: {
                  email: string | null;
                  enabled: boolean;
                };
              };
              siteId: string | null;
              tenant: string;
              /** @description The longest voicemail message recorded */
              voicemailMaxSeconds: number;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  createExtension: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          assignee: {
            /**
             * @default member
             * @enum {string}
             */
            role?: 'member' | 'supervisor' | 'admin';
            /**
             * @default normal
             * @enum {string}
             */
            type?: 'normal' | 'call-group' | 'contact-centre';
            userId: string;
          };
          /** @default false */
          debugMode?: boolean;
          extensionId: string;
          /**
           * @description Whether the number may log in to shared handsets
           * @default false
           */
          hotDesking?: boolean;
          key: string;
          label: string;
          /** @default null */
          number?: string | null;
          /** @default null */
          passcode?: string | null;
          /**
           * @description The user’s registered mobile, usable as the fixed caller ID
           * @default null
           */
          registeredMobile?: string | null;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended and the default PIN */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The extension’s default PIN, shown once: the user changes it at first use */
            defaultPin: string;
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  recordAnsweredDevice: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          device: 'ip-phone' | 'mobile-app' | 'desktop-app';
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  recordAutoProvisioning: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          deviceName: string;
          mac: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getExtensionUsage: {
    parameters: {
      query?: {
        at?: string;
      };
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        extensionId: string;
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The period, its usage and limit, and its reset instant */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            extensionId: string;
            limit:
              | {
                  /** @constant */
                  type: 'unlimited';
                }
              | {
                  minutes: number;
                  /** @constant */
                  type: 'monthly';
                };
            limitReached: boolean;
            /** @description YYYY-MM in the occupier’s time zone */
            period: string;
            remainingMinutes: number | null;
            /** @description 00:00 on the first day of the next month in the occupier’s time zone, as an instant */
            resetsAt: string;
            startsAt: string;
            timeZone: string;
            usedMinutes: number;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  recordUsage: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        extensionId: string;
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @description The call-detail record’s id */
          callId: string;
          /** Format: date-time */
          endedAt: string;
          minutes: number;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listFaxCallerIds: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Numbers allowed as outbound eFax caller ID */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            numbers: {
              number: string;
              siteId: string;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setAccountFeatures: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          conferenceBridge: boolean;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  uploadGreeting: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        greetingId: string;
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/octet-stream': string;
        'audio/mpeg': string;
        'audio/wav': string;
      };
    };
    responses: {
      /** @description The stored greeting: content type (from the file’s content), size and SHA-256 */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            bytes: number;
            /** @enum {string} */
            contentType: 'audio/wav' | 'audio/mpeg';
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            greetingId: string;
            sha256: string;
            tenant: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  nameOccupier: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
        };
      };
    };
    responses: {
      /** @description The organisation stream revision */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            /** @description The stream revision after the command (-1: the stream does not exist) */
            revision: number;
            streamId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listOccupierNumbers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Numbers grouped by site */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            occupierId: string;
            sites: {
              numbers: {
                allocatedTo:
                  | (
                      | {
                          /** @constant */
                          type: 'operator';
                        }
                      | {
                          /** @description The organisation’s name; null until the platform names it */
                          name: string | null;
                          occupierId: string;
                          /** @constant */
                          type: 'occupier';
                        }
                    )
                  | null;
                assignedUserId: string | null;
                /** @description ISO 8601: until when the number cools off after leaving service */
                coolingOffUntil: string | null;
                ext: string | null;
                isMain: boolean;
                /** @enum {string} */
                kind: 'standard' | 'ivr' | 'hunt-group' | 'remote-access-voicemail';
                locked: boolean;
                number: string;
                portedFrom: string | null;
                portedIn: boolean;
                rangeName: string;
                revision: number;
                siteId: string;
                /** @enum {string} */
                status: 'AVAILABLE' | 'RESERVED' | 'ACTIVE' | 'ASSIGNED';
              }[];
              siteId: string;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listOutboundRules: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The rules by id */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            occupierId: string;
            rules: {
              name: string;
              passcodeFor: ('internal' | 'local' | 'national' | 'mobile' | 'international' | 'premium')[];
              permits: ('internal' | 'local' | 'national' | 'mobile' | 'international' | 'premium')[];
              ruleId: string;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  defineOutboundRule: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
        ruleId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** @default [] */
          passcodeFor?: ('internal' | 'local' | 'national' | 'mobile' | 'international' | 'premium')[];
          permits: ('internal' | 'local' | 'national' | 'mobile' | 'international' | 'premium')[];
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listOccupierPhoneNumbers: {
    parameters: {
      query?: {
        search?: string;
        siteId?: string;
        userId?: string;
      };
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The numbers, sorted by site and number */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              assignedTo:
                | (
                    | {
                        /** @constant */
                        type: 'main-number';
                      }
                    | {
                        name: string;
                        /** @constant */
                        type: 'user';
                        userId: string;
                      }
                    | {
                        name: string;
                        /** @constant */
                        type: 'display-name';
                      }
                  )
                | null;
              displayName: {
                first: string;
                second: string;
              } | null;
              ext: string | null;
              isMain: boolean;
              number: string;
              routing: {
                destinationId: string | null;
                destinationName: string | null;
                /** @description The extension a user destination rings */
                extensionId: string | null;
                forwardTo: string | null;
                /** @enum {string} */
                type: 'none' | 'user' | 'route' | 'managed-route' | 'conference-room' | 'call-forwarding' | 'fax';
              };
              siteId: string;
              /** @enum {string} */
              status: 'reserved' | 'active' | 'pending';
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listServiceNumbers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The company’s service numbers */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              description: string | null;
              flow: {
                flowId: string;
                values: {
                  [key: string]: string | number | boolean | null;
                };
                version: number;
              } | null;
              international: string;
              name: string;
              national: string;
              nextChangeAt: string | null;
              number: string;
              override: {
                /** @enum {string} */
                until: 'next-boundary' | 'cleared';
              } | null;
              siteId: string | null;
              weekly: {
                exceptions: {
                  date: string;
                  flowId: string;
                  values: {
                    [key: string]: string | number | boolean | null;
                  };
                }[];
                periods: {
                  days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
                  flowId: string;
                  start: string;
                  values: {
                    [key: string]: string | number | boolean | null;
                  };
                }[];
                timeZone: string;
              } | null;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setTimeZone: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          timeZone: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listOccupierUsers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Users by last name */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              firstName: string;
              lastName: string;
              userId: string;
            }[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  registerUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          firstName: string;
          lastName: string;
          userId: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  renameUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          firstName: string;
          lastName: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  removeUser: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
        userId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            id: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  describeServiceNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default null */
          description?: string | null;
          name: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description When call-flow decided (ISO 8601) */
            decidedAt: string;
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            events: (
              | 'ServiceNumberObserved'
              | 'ServiceNumberDesignated'
              | 'ServiceNumberDescribed'
              | 'FlowAssigned'
              | 'FlowSwitchScheduled'
              | 'FlowSwitchRescheduled'
              | 'ServiceNumberReleased'
              | 'FlowSwitchCancelled'
              | 'FlowSwitched'
              | 'FlowSwitchFailed'
              | 'WeeklyScheduleSet'
              | 'FlowOverridden'
              | 'FlowOverrideCleared'
            )[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  assignFlow: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          flowId: string;
          /** @default {} */
          values?: {
            [key: string]: string | number | boolean | null;
          };
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description When call-flow decided (ISO 8601) */
            decidedAt: string;
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            events: (
              | 'ServiceNumberObserved'
              | 'ServiceNumberDesignated'
              | 'ServiceNumberDescribed'
              | 'FlowAssigned'
              | 'FlowSwitchScheduled'
              | 'FlowSwitchRescheduled'
              | 'ServiceNumberReleased'
              | 'FlowSwitchCancelled'
              | 'FlowSwitched'
              | 'FlowSwitchFailed'
              | 'WeeklyScheduleSet'
              | 'FlowOverridden'
              | 'FlowOverrideCleared'
            )[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  overrideFlow: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          flowId: string;
          /** @enum {string} */
          until: 'next-boundary' | 'cleared';
          /** @default {} */
          values?: {
            [key: string]: string | number | boolean | null;
          };
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description When call-flow decided (ISO 8601) */
            decidedAt: string;
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            events: (
              | 'ServiceNumberObserved'
              | 'ServiceNumberDesignated'
              | 'ServiceNumberDescribed'
              | 'FlowAssigned'
              | 'FlowSwitchScheduled'
              | 'FlowSwitchRescheduled'
              | 'ServiceNumberReleased'
              | 'FlowSwitchCancelled'
              | 'FlowSwitched'
              | 'FlowSwitchFailed'
              | 'WeeklyScheduleSet'
              | 'FlowOverridden'
              | 'FlowOverrideCleared'
            )[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  clearOverride: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description When call-flow decided (ISO 8601) */
            decidedAt: string;
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            events: (
              | 'ServiceNumberObserved'
              | 'ServiceNumberDesignated'
              | 'ServiceNumberDescribed'
              | 'FlowAssigned'
              | 'FlowSwitchScheduled'
              | 'FlowSwitchRescheduled'
              | 'ServiceNumberReleased'
              | 'FlowSwitchCancelled'
              | 'FlowSwitched'
              | 'FlowSwitchFailed'
              | 'WeeklyScheduleSet'
              | 'FlowOverridden'
              | 'FlowOverrideCleared'
            )[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  scheduleFlowSwitch: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          at: {
            date: string;
            time: string;
          };
          /** @default null */
          flowId?: string | null;
          scheduleId: string;
          timeZone: string;
          /** @default null */
          values?: {
            [key: string]: string | number | boolean | null;
          } | null;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description When call-flow decided (ISO 8601) */
            decidedAt: string;
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            events: (
              | 'ServiceNumberObserved'
              | 'ServiceNumberDesignated'
              | 'ServiceNumberDescribed'
              | 'FlowAssigned'
              | 'FlowSwitchScheduled'
              | 'FlowSwitchRescheduled'
              | 'ServiceNumberReleased'
              | 'FlowSwitchCancelled'
              | 'FlowSwitched'
              | 'FlowSwitchFailed'
              | 'WeeklyScheduleSet'
              | 'FlowOverridden'
              | 'FlowOverrideCleared'
            )[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  rescheduleFlowSwitch: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
        scheduleId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          at: {
            date: string;
            time: string;
          };
          timeZone: string;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description When call-flow decided (ISO 8601) */
            decidedAt: string;
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            events: (
              | 'ServiceNumberObserved'
              | 'ServiceNumberDesignated'
              | 'ServiceNumberDescribed'
              | 'FlowAssigned'
              | 'FlowSwitchScheduled'
              | 'FlowSwitchRescheduled'
              | 'ServiceNumberReleased'
              | 'FlowSwitchCancelled'
              | 'FlowSwitched'
              | 'FlowSwitchFailed'
              | 'WeeklyScheduleSet'
              | 'FlowOverridden'
              | 'FlowOverrideCleared'
            )[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  cancelFlowSwitch: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
        scheduleId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description When call-flow decided (ISO 8601) */
            decidedAt: string;
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            events: (
              | 'ServiceNumberObserved'
              | 'ServiceNumberDesignated'
              | 'ServiceNumberDescribed'
              | 'FlowAssigned'
              | 'FlowSwitchScheduled'
              | 'FlowSwitchRescheduled'
              | 'ServiceNumberReleased'
              | 'FlowSwitchCancelled'
              | 'FlowSwitched'
              | 'FlowSwitchFailed'
              | 'WeeklyScheduleSet'
              | 'FlowOverridden'
              | 'FlowOverrideCleared'
            )[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  serviceNumberTimeline: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The timeline */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: {
              dueAt: string;
              flowId: string | null;
              /** @enum {string} */
              kind: 'one-off' | 'weekly';
              late: boolean;
              local: string;
              number: string;
              reason: string | null;
              scheduleId: string;
              /** @enum {string} */
              status: 'pending' | 'cancelled' | 'applied' | 'failed';
            }[];
            number: string;
            siteId: string | null;
            tenant: string | null;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  setWeeklySchedule: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          schedule: {
            /** @default [] */
            exceptions?: {
              date: string;
              flowId: string;
              /** @default {} */
              values?: {
                [key: string]: string | number | boolean | null;
              };
            }[];
            periods: {
              days: ('mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun')[];
              flowId: string;
              start: string;
              /** @default {} */
              values?: {
                [key: string]: string | number | boolean | null;
              };
            }[];
            timeZone: string;
          } | null;
        };
      };
    };
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description When call-flow decided (ISO 8601) */
            decidedAt: string;
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            events: (
              | 'ServiceNumberObserved'
              | 'ServiceNumberDesignated'
              | 'ServiceNumberDescribed'
              | 'FlowAssigned'
              | 'FlowSwitchScheduled'
              | 'FlowSwitchRescheduled'
              | 'ServiceNumberReleased'
              | 'FlowSwitchCancelled'
              | 'FlowSwitched'
              | 'FlowSwitchFailed'
              | 'WeeklyScheduleSet'
              | 'FlowOverridden'
              | 'FlowOverrideCleared'
            )[];
            number: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  allocateNumbers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          count: number;
          occupierId: string;
        };
      };
    };
    responses: {
      /** @description The numbers allocated */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            numbers: string[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listSiteHandsets: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Handsets by phone ID */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            handsets: {
              number: string;
              phoneId: string;
            }[];
            siteId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  listSiteNumbers: {
    parameters: {
      query?: {
        allocation?: 'all' | 'allocated' | 'unallocated' | 'operator' | 'occupier';
        cursor?: string;
        occupierId?: string;
        page?: number;
        pageSize?: number;
        search?: string;
        status?: ('AVAILABLE' | 'RESERVED' | 'ACTIVE' | 'ASSIGNED')[];
      };
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description One page of numbers, the cursor of the next page, the total (totalExact false: a lower bound) and the statuses present at the site, all from one snapshot */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            items: {
              allocatedTo:
                | (
                    | {
                        /** @constant */
                        type: 'operator';
                      }
                    | {
                        /** @description The organisation’s name; null until the platform names it */
                        name: string | null;
                        occupierId: string;
                        /** @constant */
                        type: 'occupier';
                      }
                  )
                | null;
              assignedUserId: string | null;
              /** @description ISO 8601: until when the number cools off after leaving service */
              coolingOffUntil: string | null;
              ext: string | null;
              isMain: boolean;
              /** @enum {string} */
              kind: 'standard' | 'ivr' | 'hunt-group' | 'remote-access-voicemail';
              locked: boolean;
              number: string;
              portedFrom: string | null;
              portedIn: boolean;
              rangeName: string;
              revision: number;
              siteId: string;
              /** @enum {string} */
              status: 'AVAILABLE' | 'RESERVED' | 'ACTIVE' | 'ASSIGNED';
            }[];
            /** @description Pass as cursor for the next page; null on the last page */
            nextCursor: string | null;
            page: number;
            pageSize: number;
            /** @description Statuses present in the site's unfiltered list: the only ones worth offering as filters */
            statusesPresent: ('AVAILABLE' | 'RESERVED' | 'ACTIVE' | 'ASSIGNED')[];
            /** @description Rows matching the filters, in the same snapshot as the items; a lower bound when totalExact is false */
            total: number;
            /** @description False when a filter the site counts cannot answer (search, occupier) matched more rows than the list counts one by one */
            totalExact: boolean;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  downloadSiteNumbers: {
    parameters: {
      query?: {
        allocation?: 'all' | 'allocated' | 'unallocated' | 'operator' | 'occupier';
        occupierId?: string;
        search?: string;
        status?: ('AVAILABLE' | 'RESERVED' | 'ACTIVE' | 'ASSIGNED')[];
      };
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description text/csv */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'text/csv': string;
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  activateNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The number stream revision and the ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            /** @description The stream revision after the command (-1: the stream does not exist) */
            revision: number;
            streamId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  allocateNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          owner:
            | {
                /** @constant */
                type: 'operator';
              }
            | {
                occupierId: string;
                /** @constant */
                type: 'occupier';
              };
        };
      };
    };
    responses: {
      /** @description The number stream revision and the ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            /** @description The stream revision after the command (-1: the stream does not exist) */
            revision: number;
            streamId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  deactivateNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The number stream revision and the ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            /** @description The stream revision after the command (-1: the stream does not exist) */
            revision: number;
            streamId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  deallocateNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The number stream revision and the ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            /** @description The stream revision after the command (-1: the stream does not exist) */
            revision: number;
            streamId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  lockNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          reason?: string;
        };
      };
    };
    responses: {
      /** @description The number stream revision and the ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            /** @description The stream revision after the command (-1: the stream does not exist) */
            revision: number;
            streamId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  unlockNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The number stream revision and the ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            /** @description The stream revision after the command (-1: the stream does not exist) */
            revision: number;
            streamId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  nominateMainNumber: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The number stream revision and the ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            /** @description The stream revision after the command (-1: the stream does not exist) */
            revision: number;
            streamId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  removeMainNumberNomination: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        number: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The number stream revision and the ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            /** @description The stream revision after the command (-1: the stream does not exist) */
            revision: number;
            streamId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  bulkChangeNumbers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          action: 'allocate' | 'deallocate' | 'activate' | 'deactivate' | 'lock' | 'unlock';
          /** @default false */
          dryRun?: boolean;
          numbers?: string[];
          /** @description allocate: whom the numbers go to */
          owner?:
            | {
                /** @constant */
                type: 'operator';
              }
            | {
                occupierId: string;
                /** @constant */
                type: 'occupier';
              };
          range?: {
            end: string;
            start: string;
          };
          /** @description lock: why */
          reason?: string;
        };
      };
    };
    responses: {
      /** @description Each number done, unchanged or refused with its rule; 200 COMPLETE, 207 PARTIAL, 409 FAILED */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            action: string;
            counts: {
              done: number;
              refused: number;
              unchanged: number;
            };
            /** @description true: nothing was written; the results are what the change would do now */
            dryRun: boolean;
            /** @description How many events the change appended (0 for a dry run); ids are left out so 10,000 results fit one reply */
            events: number;
            results: {
              /** @description refused: the error code (RULE_VIOLATED, INVALID_TRANSITION, NOT_FOUND) */
              code?: string;
              number: string;
              /** @enum {string} */
              outcome: 'done' | 'unchanged' | 'refused';
              /** @description refused: the rule */
              rule?: string;
            }[];
            /**
             * @description COMPLETE: none refused; FAILED: all refused; PARTIAL: some of each
             * @enum {string}
             */
            status: 'COMPLETE' | 'PARTIAL' | 'FAILED';
          };
        };
      };
      /** @description Each number done, unchanged or refused with its rule; 200 COMPLETE, 207 PARTIAL, 409 FAILED */
      207: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            action: string;
            counts: {
              done: number;
              refused: number;
              unchanged: number;
            };
            /** @description true: nothing was written; the results are what the change would do now */
            dryRun: boolean;
            /** @description How many events the change appended (0 for a dry run); ids are left out so 10,000 results fit one reply */
            events: number;
            results: {
              /** @description refused: the error code (RULE_VIOLATED, INVALID_TRANSITION, NOT_FOUND) */
              code?: string;
              number: string;
              /** @enum {string} */
              outcome: 'done' | 'unchanged' | 'refused';
              /** @description refused: the rule */
              rule?: string;
            }[];
            /**
             * @description COMPLETE: none refused; FAILED: all refused; PARTIAL: some of each
             * @enum {string}
             */
            status: 'COMPLETE' | 'PARTIAL' | 'FAILED';
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description Each number done, unchanged or refused with its rule; 200 COMPLETE, 207 PARTIAL, 409 FAILED; or INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                action: string;
                counts: {
                  done: number;
                  refused: number;
                  unchanged: number;
                };
                /** @description true: nothing was written; the results are what the change would do now */
                dryRun: boolean;
                /** @description How many events the change appended (0 for a dry run); ids are left out so 10,000 results fit one reply */
                events: number;
                results: {
                  /** @description refused: the error code (RULE_VIOLATED, INVALID_TRANSITION, NOT_FOUND) */
                  code?: string;
                  number: string;
                  /** @enum {string} */
                  outcome: 'done' | 'unchanged' | 'refused';
                  /** @description refused: the rule */
                  rule?: string;
                }[];
                /**
                 * @description COMPLETE: none refused; FAILED: all refused; PARTIAL: some of each
                 * @enum {string}
                 */
                status: 'COMPLETE' | 'PARTIAL' | 'FAILED';
              }
            | components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  importNumbers: {
    parameters: {
      query?: {
        dryRun?: 'true' | 'false';
      };
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'text/csv': string;
      };
    };
    responses: {
      /** @description Each row done, unchanged or refused with its rule or bad cell; 200 COMPLETE, 207 PARTIAL, 409 FAILED */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            counts: {
              done: number;
              refused: number;
              unchanged: number;
            };
            /** @description true: nothing was written; the results are what the import would do now */
            dryRun: boolean;
            /** @description How many events the import appended (0 for a dry run) */
            events: number;
            results: {
              changes: ('provisioned' | 'allocated' | 'deallocated' | 'activated' | 'deactivated' | 'made-main' | 'main-removed')[];
              /** @description refused: the error code */
              code?: string;
              /** @description refused for a bad cell: its column */
              field?: string;
              /** @description refused for a bad cell: what is wrong with it */
              message?: string;
              number: string | null;
              /** @enum {string} */
              outcome: 'done' | 'unchanged' | 'refused';
              /** @description The data row, from 1 (the header is row 0) */
              row: number;
              /** @description refused: the rule */
              rule?: string;
            }[];
            /**
             * @description COMPLETE: no row refused; FAILED: every row refused; PARTIAL: some of each
             * @enum {string}
             */
            status: 'COMPLETE' | 'PARTIAL' | 'FAILED';
          };
        };
      };
      /** @description Each row done, unchanged or refused with its rule or bad cell; 200 COMPLETE, 207 PARTIAL, 409 FAILED */
      207: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            counts: {
              done: number;
              refused: number;
              unchanged: number;
            };
            /** @description true: nothing was written; the results are what the import would do now */
            dryRun: boolean;
            /** @description How many events the import appended (0 for a dry run) */
            events: number;
            results: {
              changes: ('provisioned' | 'allocated' | 'deallocated' | 'activated' | 'deactivated' | 'made-main' | 'main-removed')[];
              /** @description refused: the error code */
              code?: string;
              /** @description refused for a bad cell: its column */
              field?: string;
              /** @description refused for a bad cell: what is wrong with it */
              message?: string;
              number: string | null;
              /** @enum {string} */
              outcome: 'done' | 'unchanged' | 'refused';
              /** @description The data row, from 1 (the header is row 0) */
              row: number;
              /** @description refused: the rule */
              rule?: string;
            }[];
            /**
             * @description COMPLETE: no row refused; FAILED: every row refused; PARTIAL: some of each
             * @enum {string}
             */
            status: 'COMPLETE' | 'PARTIAL' | 'FAILED';
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description Each row done, unchanged or refused with its rule or bad cell; 200 COMPLETE, 207 PARTIAL, 409 FAILED; or INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                counts: {
                  done: number;
                  refused: number;
                  unchanged: number;
                };
                /** @description true: nothing was written; the results are what the import would do now */
                dryRun: boolean;
                /** @description How many events the import appended (0 for a dry run) */
                events: number;
                results: {
                  changes: ('provisioned' | 'allocated' | 'deallocated' | 'activated' | 'deactivated' | 'made-main' | 'main-removed')[];
                  /** @description refused: the error code */
                  code?: string;
                  /** @description refused for a bad cell: its column */
                  field?: string;
                  /** @description refused for a bad cell: what is wrong with it */
                  message?: string;
                  number: string | null;
                  /** @enum {string} */
                  outcome: 'done' | 'unchanged' | 'refused';
                  /** @description The data row, from 1 (the header is row 0) */
                  row: number;
                  /** @description refused: the rule */
                  rule?: string;
                }[];
                /**
                 * @description COMPLETE: no row refused; FAILED: every row refused; PARTIAL: some of each
                 * @enum {string}
                 */
                status: 'COMPLETE' | 'PARTIAL' | 'FAILED';
              }
            | components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  provisionNumbers: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          ext?: string;
          extFromLastDigits?: number;
          /**
           * @default standard
           * @enum {string}
           */
          kind?: 'standard' | 'ivr' | 'hunt-group' | 'remote-access-voicemail';
          numbers?: string[];
          portedFrom?: string;
          /** @default false */
          portedIn?: boolean;
          range?: {
            end: string;
            start: string;
          };
          rangeName: string;
        };
      };
    };
    responses: {
      /** @description Each number provisioned, skipped or failed; 200 COMPLETE, 207 PARTIAL, 409 FAILED */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            failed: number;
            provisioned: number;
            results: (
              | {
                  number: string;
                  /** @constant */
                  outcome: 'provisioned';
                }
              | {
                  number: string;
                  /** @constant */
                  outcome: 'skipped';
                  reason: string;
                }
              | {
                  number: string;
                  /** @constant */
                  outcome: 'failed';
                  reason: string;
                  rule?: string;
                }
            )[];
            skipped: number;
            /** @enum {string} */
            status: 'COMPLETE' | 'PARTIAL' | 'FAILED';
          };
        };
      };
      /** @description Each number provisioned, skipped or failed; 200 COMPLETE, 207 PARTIAL, 409 FAILED */
      207: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            failed: number;
            provisioned: number;
            results: (
              | {
                  number: string;
                  /** @constant */
                  outcome: 'provisioned';
                }
              | {
                  number: string;
                  /** @constant */
                  outcome: 'skipped';
                  reason: string;
                }
              | {
                  number: string;
                  /** @constant */
                  outcome: 'failed';
                  reason: string;
                  rule?: string;
                }
            )[];
            skipped: number;
            /** @enum {string} */
            status: 'COMPLETE' | 'PARTIAL' | 'FAILED';
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description Each number provisioned, skipped or failed; 200 COMPLETE, 207 PARTIAL, 409 FAILED; or INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json':
            | {
                failed: number;
                provisioned: number;
                results: (
                  | {
                      number: string;
                      /** @constant */
                      outcome: 'provisioned';
                    }
                  | {
                      number: string;
                      /** @constant */
                      outcome: 'skipped';
                      reason: string;
                    }
                  | {
                      number: string;
                      /** @constant */
                      outcome: 'failed';
                      reason: string;
                      rule?: string;
                    }
                )[];
                skipped: number;
                /** @enum {string} */
                status: 'COMPLETE' | 'PARTIAL' | 'FAILED';
              }
            | components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  getVoiceServices: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
      };
      path: {
        occupierId: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The occupier’s voice services at the site */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            /** @description Numbers allocated to the occupier at the site (reserved, active or assigned) */
            allocatedNumbers: number;
            occupierId: string;
            siteId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  addVoiceServices: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** @default 1 */
          numbers?: number;
        };
      };
    };
    responses: {
      /** @description Active, the numbers allocated with them, and the events appended */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            /** @description The numbers allocated automatically with the voice services (none when some were reserved already) */
            allocated: string[];
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  removeVoiceServices: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        occupierId: string;
        siteId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The ids of the events appended (none for a no-op) */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            active: boolean;
            /** @description The numbers allocated automatically with the voice services (none when some were reserved already) */
            allocated: string[];
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
  configureSite: {
    parameters: {
      query?: never;
      header?: {
        /** @description Read-your-writes: the Consistency-Token of an earlier answer. The request is answered once the context it reaches has processed everything up to it (an activation seen by assignment before routing is set; a projection caught up before a list is read). If that takes longer than the services' CONSISTENCY_WAIT_MS (5 s by default), it answers 503 UNAVAILABLE (retryable, rule CONSISTENCY_NOT_REACHED) with the lag. Format: <service>@<transaction>.<position>, comma-separated (opaque to clients: send back what an answer gave). */
        'Consistency-Token'?: string;
        /** @description Makes a retry safe (draft-ietf-httpapi-idempotency-key-header): the key is bound to the caller and to this request (route, path parameters, body) for 24 h by default (IDEMPOTENCY_TTL_MS of the services). The same request again returns the first answer and changes nothing; while the first still runs it answers 409 CONCURRENCY_CONFLICT (retryable, rule COMMAND_IN_PROGRESS); another request with the same key answers 422 IDEMPOTENCY_KEY_REUSED. Once that time has passed, the key may be used again. */
        'Idempotency-Key'?: string;
      };
      path: {
        siteId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          coolingOffDays: number;
          previousOwnerMayReclaim?: boolean;
        };
      };
    };
    responses: {
      /** @description The site stream revision */
      200: {
        headers: {
          /** @description The token to send with the next request that must see this one: the one sent, moved on to where this call left each service it wrote to. Absent when none was sent and nothing was written. */
          'Consistency-Token'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The ids of the events appended (none for a no-op) */
            eventIds: string[];
            /** @description The stream revision after the command (-1: the stream does not exist) */
            revision: number;
            streamId: string;
          };
        };
      };
      /** @description VALIDATION_FAILED, with the failing fields */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error400'];
        };
      };
      /** @description UNAUTHENTICATED: no token, or one that is invalid or expired */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error401'];
        };
      };
      /** @description FORBIDDEN: the route is not open to the caller’s role */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error403'];
        };
      };
      /** @description NOT_FOUND, also for what belongs to another tenant */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error404'];
        };
      };
      /** @description INVALID_TRANSITION or RULE_VIOLATED (with the rule code), or CONCURRENCY_CONFLICT (retryable) */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error409'];
        };
      };
      /** @description VALIDATION_FAILED: the body is larger than the gateway takes (2 MiB) */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error413'];
        };
      };
      /** @description VALIDATION_FAILED: a content type the route does not take */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error415'];
        };
      };
      /** @description IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was sent with another request */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error422'];
        };
      };
      /** @description INTERNAL: a bug, logged with the trace id the response carries in x-trace-id */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error500'];
        };
      };
      /** @description UNAVAILABLE (retryable): a service or store out of reach, or (rule CONSISTENCY_NOT_REACHED, with the lag) the Consistency-Token not yet reached */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error503'];
        };
      };
    };
  };
}
