package dev.tillsync.desktop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith({DisplayRequired.class, ApplicationExtension.class})
class FxSmokeTest {
    @TempDir Path tmp;

    @Start
    void start(Stage stage) {
        Button button = new Button("Hello till");
        button.setId("hello");
        button.setOnAction(e -> button.setText("Clicked"));
        stage.setScene(new Scene(new StackPane(button), 400, 300));
        stage.show();
    }

    @Test
    void realWindowTakesClicksAndScreenshots(FxRobot robot) throws Exception {
        robot.clickOn("#hello");
        assertThat(robot.lookup("#hello").queryButton().getText()).isEqualTo("Clicked");
        Path png = tmp.resolve("smoke.png");
        Screenshots.save(robot.lookup("#hello").query().getScene(), png);
        assertThat(Files.size(png)).isGreaterThan(500);
    }
}
