package io.imageflow.api;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    private static final int MAX = 120;

    private static String sanitise(String name) {
        return FileNames.sanitise(name, MAX);
    }

    @Test
    void dropsEveryDirectoryTheClientSentWhicheverSeparatorItUsed() {
        assertThat(sanitise("photos/2024/cat.jpg")).isEqualTo("cat.jpg");
        assertThat(sanitise("C:\\Users\\ada\\cat.jpg")).isEqualTo("cat.jpg");
        assertThat(sanitise("../../etc/passwd")).isEqualTo("passwd");
        assertThat(sanitise("..\\..\\boot.ini")).isEqualTo("boot.ini");
    }

    @Test
    void collapsesRunsOfDotsSoNoNameHoldsDotDot() {
        assertThat(sanitise("cat..jpg")).isEqualTo("cat.jpg");
        assertThat(sanitise("a...b..c.png")).isEqualTo("a.b.c.png");
        assertThat(sanitise("..")).isEqualTo("image");
        assertThat(sanitise("...")).isEqualTo("image");
    }

    @Test
    void removesControlAndInvisibleFormatCharacters() {
        assertThat(sanitise("ca\u0000t\n.jpg")).isEqualTo("cat.jpg");
        assertThat(sanitise("\u202Egpj.exe")).as("right-to-left override").isEqualTo("gpj.exe");
        assertThat(sanitise("a\u200Bb.png")).as("zero-width space").isEqualTo("ab.png");
    }

    @Test
    void replacesShellHostileCharactersWithUnderscores() {
        assertThat(sanitise("a;b|c$(d)*.jpg")).isEqualTo("a_b_c_(d)_.jpg");
        assertThat(sanitise("photo (2).jpg")).as("the web app's own duplicates").isEqualTo("photo (2).jpg");
        assertThat(sanitise("\"quoted\" <name>.jpg")).isEqualTo("quoted_ _name_.jpg");
    }

    @Test
    void neverStartsWithADotSoNoStoredFileIsHidden() {
        assertThat(sanitise(".htaccess")).isEqualTo("image.htaccess");
        assertThat(sanitise(".jpg")).as("a name that is only an extension keeps it").isEqualTo("image.jpg");
        assertThat(sanitise("  ._-cat.jpg")).isEqualTo("cat.jpg");
    }

    @Test
    void anEmptyOrMissingNameBecomesImage() {
        assertThat(sanitise(null)).isEqualTo("image");
        assertThat(sanitise("")).isEqualTo("image");
        assertThat(sanitise("photos/")).isEqualTo("image");
        assertThat(sanitise("\u0000\u200B")).isEqualTo("image");
    }

    @Test
    void keepsTheLettersOfEveryScript() {
        assertThat(sanitise("été à Paris.jpg")).isEqualTo("été à Paris.jpg");
        assertThat(sanitise("日本の写真.png")).isEqualTo("日本の写真.png");
        assertThat(sanitise("Ελλάδα 2024.gif")).isEqualTo("Ελλάδα 2024.gif");
    }

    @Test
    void normalisesCompatibilityFormsAndWhitespace() {
        assertThat(sanitise("ｃａｔ．ｊｐｇ")).as("full-width letters and dot").isEqualTo("cat.jpg");
        assertThat(sanitise("e\u0301te\u0301.jpg")).as("decomposed accents").isEqualTo("été.jpg");
        assertThat(sanitise("a\u00A0\u2003 b.jpg")).isEqualTo("a b.jpg");
        assertThat(sanitise("ａ／ｂ.jpg")).as("full-width solidus is no separator").isEqualTo("a_b.jpg");
    }

    @Test
    void keepsTheCombiningMarksThatScriptsLikeHindiAndThaiSpellWith() {
        assertThat(sanitise("हिंदी.jpg")).isEqualTo("हिंदी.jpg");
        assertThat(sanitise("ภาพถ่าย.png")).isEqualTo("ภาพถ่าย.png");
    }

    @Test
    void boundsTheLengthAndKeepsTheExtension() {
        String name = sanitise("a".repeat(300) + ".jpeg");

        assertThat(name).hasSize(MAX).startsWith("aaaa").endsWith(".jpeg");
    }

    @Test
    void aLongTailAfterTheLastDotIsCutLikeTheRest() {
        String name = sanitise("a." + "b".repeat(300));

        assertThat(name).hasSize(MAX).isEqualTo("a." + "b".repeat(MAX - 2));
    }

    @Test
    void aNameWithinTheBoundIsKeptWhole() {
        String name = "c".repeat(MAX - 4) + ".png";

        assertThat(sanitise(name)).isEqualTo(name);
    }

    @Test
    void shorteningNeverSplitsACharacterOutsideTheBasicPlane() {
        String name = sanitise("a" + "\uD840\uDC00".repeat(100) + ".jpg"); // U+20000, a CJK letter

        assertThat(name).endsWith(".jpg");
        assertThat(new String(name.getBytes(UTF_8), UTF_8)).isEqualTo(name);
    }

    @Test
    void repeatedNamesGetNumberedSuffixesCaseInsensitively() {
        assertThat(FileNames.sanitiseAll(List.of("cat.jpg", "CAT.jpg", "cat.JPG", "dog.png"), MAX))
                .containsExactly("cat.jpg", "CAT-2.jpg", "cat-3.JPG", "dog.png");
    }

    @Test
    void namesThatOnlyCollideOnceSanitisedAreNumberedToo() {
        assertThat(FileNames.sanitiseAll(List.of("a/cat.jpg", "b\\cat.jpg", "README", "readme"), MAX))
                .containsExactly("cat.jpg", "cat-2.jpg", "README", "readme-2");
    }

    @Test
    void aNumberedNameNeverTakesTheNameOfALaterFile() {
        List<String> names = FileNames.sanitiseAll(List.of("cat.jpg", "cat.jpg", "Cat-2.jpg"), MAX);

        assertThat(names).containsExactly("cat.jpg", "cat-2.jpg", "Cat-2-2.jpg");
    }

    @Test
    void numberedNamesStayWithinTheLengthBound() {
        String longName = "x".repeat(200) + ".jpg";
        List<String> names = FileNames.sanitiseAll(List.of(longName, longName, longName), MAX);

        assertThat(names).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(MAX).endsWith(".jpg"));
        assertThat(names.get(1)).endsWith("-2.jpg");
        assertThat(names.get(2)).endsWith("-3.jpg");
        assertThat(names.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct()).hasSize(3);
    }

    @Test
    void tenDuplicatesAreAllDistinct() {
        String[] same = new String[10];
        Arrays.fill(same, "Photo.PNG");
        List<String> names = FileNames.sanitiseAll(List.of(same), MAX);

        assertThat(names).doesNotHaveDuplicates().contains("Photo.PNG", "Photo-2.PNG", "Photo-10.PNG");
    }

    @Test
    void withExtensionReplacesTheLastExtensionOrAddsOne() {
        assertThat(FileNames.withExtension("photo.jpg", "png")).isEqualTo("photo.png");
        assertThat(FileNames.withExtension("archive.tar.gz", "webp")).isEqualTo("archive.tar.webp");
        assertThat(FileNames.withExtension("photo", "png")).isEqualTo("photo.png");
        assertThat(FileNames.withExtension("photo.png", "png")).isEqualTo("photo.png");
    }
}
