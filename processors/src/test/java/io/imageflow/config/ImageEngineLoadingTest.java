package io.imageflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageEngineLoadingTest {

    @Test
    void givesTheEnginesTheSettingNamesOnceLoaded() {
        ImageEngineLoading loading = ImageEngineLoading.start("java");

        assertThat(loading.engines().preferred().name()).isEqualTo("java");
        assertThat(loading.engines()).isSameAs(loading.engines());
    }

    @Test
    void failsAsLoadingInPlaceWouldWhenTheSettingIsWrong() {
        ImageEngineLoading loading = ImageEngineLoading.start("fastest");

        assertThatThrownBy(loading::engines).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FASTEST");
    }
}
