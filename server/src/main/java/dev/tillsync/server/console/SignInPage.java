package dev.tillsync.server.console;

import static dev.tillsync.server.console.Html.e;

/** The sign-in form for server users (same accounts and passwords as the API). */
final class SignInPage {
    private SignInPage() {}

    static String render(String email, String error) {
        return Layout.bare("Sign in", """
                <div class="signin card">
                  <h1>tillsync <span>back office</span></h1>
                  %s
                  <form method="post" action="/console/login" id="signin-form">
                    <label>Email <input type="email" name="email" id="email" value="%s" required autofocus autocomplete="username"></label>
                    <label>Password <input type="password" name="password" id="password" required autocomplete="current-password"></label>
                    <button type="submit" class="primary" id="sign-in">Sign in</button>
                  </form>
                </div>
                """.formatted(error == null ? "" : Layout.notice("error", error), e(email)));
    }
}
