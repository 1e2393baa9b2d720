/** Tips from users to performers. */
package ppvchat.tips.boundary;
