package dev.iommudoctor.server.web;

/**
 * The search and upload pages: fixed markup (no upload data in it) that their scripts fill from the
 * JSON API. Results are built as DOM nodes with {@code textContent}, never from uploaded HTML.
 */
final class StaticPages {

    private static final String SEARCH = Layout.page("Search", Layout.Nav.SEARCH, """
            <h1 class="visually-hidden">Search incidents</h1>
            <form id="search-form" class="search-form" role="search" autocomplete="off">
              <div class="query-row">
                <input id="q" name="q" type="search" spellcheck="false" aria-label="Query"
                       placeholder='rule:RMRR-* AND kernel:5.15* "bad RMRR"'>
                <button type="submit" id="search-button">Search</button>
              </div>
              <div class="options-row">
                <label>From <input id="from" name="from" type="date"></label>
                <label>To <input id="to" name="to" type="date"></label>
                <label>Sort <select id="sort" name="sort">
                  <option value="relevance">relevance</option>
                  <option value="newest">newest first</option>
                  <option value="oldest">oldest first</option>
                </select></label>
                <button type="button" id="clear" class="secondary">Clear</button>
                <span class="spacer"></span>
                <input id="save-name" type="text" placeholder="name this search" aria-label="Saved search name">
                <button type="button" id="save" class="secondary">Save search</button>
              </div>
            </form>
            <div id="error" class="error" role="alert" hidden></div>
            <div class="search-layout">
              <aside class="sidebar">
                <section><h2>Saved searches</h2><ul id="saved" class="saved"></ul></section>
                <section id="facets"></section>
              </aside>
              <section class="results">
                <div id="histogram" class="histogram" aria-label="Incidents per day"></div>
                <p id="summary" class="summary"></p>
                <ol id="hits" class="hits"></ol>
                <nav id="pager" class="pager" aria-label="Pages"></nav>
              </section>
            </div>
            <p class="hint">Fields: <code>rule</code> <code>severity</code> <code>host</code> <code>cpu</code>
            <code>board</code> <code>bios</code> <code>kernel</code> <code>kernelSeries</code> <code>driver</code>
            <code>pciid</code> <code>device</code> <code>status</code> <code>tag</code> <code>message</code>
            <code>evidence</code> <code>note</code>; bare words search everything.
            Lucene syntax: <code>AND</code>, <code>OR</code>, <code>NOT</code>, <code>"phrases"</code>, <code>RMRR-*</code>.</p>
            """, "search.js");

    private static final String UPLOAD = Layout.page("Upload", Layout.Nav.UPLOAD, """
            <h1>Upload a bundle</h1>
            <p>One bundle (sosreport, <code>.tar.gz</code>, <code>.tar.xz</code>, <code>.zip</code>) or several loose
            files of one host (<code>dmesg.txt</code>, <code>lspci -nnvvv</code>, <code>/proc/cmdline</code>, ...).
            They are analysed together as one incident.</p>
            <form id="upload-form" class="upload-form">
              <label class="tags">Tags <input id="tags" name="tags" type="text" placeholder="customer-a, lab"></label>
              <label id="drop" class="drop" for="file">
                <span class="drop-title">Drop files here</span>
                <span class="drop-sub">or click to choose</span>
                <input id="file" name="file" type="file" multiple>
              </label>
            </form>
            <ul id="chosen" class="chosen"></ul>
            <div id="progress-box" class="progress-box" hidden>
              <progress id="progress" max="100" value="0"></progress>
              <span id="progress-text"></span>
            </div>
            <div id="error" class="error" role="alert" hidden></div>
            """, "upload.js");

    private StaticPages() {
    }

    static String search() {
        return SEARCH;
    }

    static String upload() {
        return UPLOAD;
    }
}
