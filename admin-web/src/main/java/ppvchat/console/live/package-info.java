/** The console's Live page: rooms, watchers and running shows now, with stop, kick and ban. */
package ppvchat.console.live;
