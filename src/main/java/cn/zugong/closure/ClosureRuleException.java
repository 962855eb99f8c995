package cn.zugong.closure;

import cn.zugong.shared.ZugongException;

/**
 * A step the workflow does not allow now (wrong status, missing reason…), with a Chinese message saying why;
 * answered 409 where a page does not catch it to show the message beside the item.
 */
public class ClosureRuleException extends ZugongException {
    public ClosureRuleException(String message) {
        super(409, message);
    }
}
