package dev.eventcontracts.server.internal.service;

/**
 * The services one registry instance runs, as the HTTP layer sees them.
 *
 * @param queries the read side
 * @param registrations registering and looking up schemas
 * @param deletions soft and permanent deletes
 * @param compatibility the compatibility resource
 * @param configs compatibility levels
 * @param modes modes
 */
public record RegistryServices(
        QueryService queries,
        RegistrationService registrations,
        DeletionService deletions,
        CompatibilityService compatibility,
        ConfigService configs,
        ModeService modes) {}
