package kz.qyzmet.identity.domain;

/**
 * Platform roles. CITIZEN is given to every self-registered account; OFFICER and ADMIN are
 * assigned by the Ministry's HR integration only.
 */
public enum Role {
    CITIZEN,
    OFFICER,
    ADMIN
}
