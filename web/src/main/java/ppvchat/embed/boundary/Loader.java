package ppvchat.embed.boundary;

/** The loader script around a site's settings; kept in one place so that it reads as the JavaScript it is. */
final class Loader {

    private static final String TEMPLATE =
            """
            /* PPV Chat: the chat appears where this script tag is (docs/embedding.md). */
            (function () {
              var script = document.currentScript;
              var config = %s;
              config.base = script.src.replace(/\\/embed\\/[0-9]+\\/[a-z]+\\.js(?:[?#].*)?$/, '');
              var host = document.createElement('div');
              host.className = 'ppv-embed';
              host.setAttribute('data-kind', config.kind);
              if (script.getAttribute('data-lang')) {
                host.setAttribute('data-lang', script.getAttribute('data-lang'));
              }
              if (/^[1-9][0-9]{0,17}$/.test(script.getAttribute('data-performer') || '')) {
                config.performer = script.getAttribute('data-performer');
              }
              if (script.getAttribute('data-login')) {
                // The host's one-use login token: handed to the client, and taken off the page.
                config.login = script.getAttribute('data-login');
                script.removeAttribute('data-login');
              }
              script.parentNode.insertBefore(host, script.nextSibling);
              import(config.base + '/client/main.js').then(function (client) {
                return client.mount(host, config);
              }).catch(function (error) {
                host.textContent = config.language === 'de'
                  ? 'Der Chat konnte nicht geladen werden. Bitte laden Sie die Seite neu.'
                  : 'The chat could not be loaded. Please reload the page.';
                console.error('PPV Chat:', error);
              });
            })();
            """;

    /** In place of the chat on a page whose origin the site does not allow: says so there and in the console. */
    private static final String REFUSAL =
            """
            /* PPV Chat: this page may not show the chat (docs/embedding.md, allowed origins). */
            (function () {
              var message = %s;
              var script = document.currentScript;
              var note = document.createElement('div');
              note.className = 'ppv-embed ppv-refused';
              note.setAttribute('role', 'alert');
              note.textContent = 'PPV Chat: ' + message;
              script.parentNode.insertBefore(note, script.nextSibling);
              console.error('PPV Chat: ' + message);
            })();
            """;

    private Loader() {}

    static String refusal(String messageJson) {
        return REFUSAL.formatted(messageJson);
    }

    static String script(String configJson) {
        return TEMPLATE.formatted(configJson);
    }
}
