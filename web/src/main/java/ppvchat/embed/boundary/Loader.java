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

    private Loader() {}

    static String script(String configJson) {
        return TEMPLATE.formatted(configJson);
    }
}
