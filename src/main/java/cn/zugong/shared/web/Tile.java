package cn.zugong.shared.web;

/**
 * A tile of a module's landing page: title, route, one line on what it is. Rendered by the one fragment
 * {@code fragments/tiles :: tiles(${tiles})}.
 */
public record Tile(String title, String href, String text) {
}
