/** Persistence plumbing shared by every component: type converters. */
package ppvchat.platform.entity;
