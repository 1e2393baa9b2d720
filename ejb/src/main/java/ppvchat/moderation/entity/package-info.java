/** The moderation audit trail: kicks, bans, unbans, mutes. */
package ppvchat.moderation.entity;
