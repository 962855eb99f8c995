package cn.zugong.shared.jobs;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * This application node's name in job locks and outbox claims: host and process id, so two nodes on one
 * host (the two-node bench, containers sharing a host name) never take each other's lock or claim.
 */
public final class Node {

    private static final String ID = host() + ":" + ProcessHandle.current().pid();

    private Node() {
    }

    public static String id() {
        return ID;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
