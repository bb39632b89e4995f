//! A Java ticket's lines that the reader took (Spring Boot properties, JVM options, the stack
//! trace) are not listed as "not read", and the JVM settings are said in the JVM's own words.

use mqocsp_core::mq::ticket::read;

#[test]
fn spring_properties_and_jvm_options_are_read_lines() {
    let text = "Our Spring Boot app fails since OCSP was turned on.\n\
JAVA_TOOL_OPTIONS=-Dcom.sun.net.ssl.checkRevocation=true -Docsp.enable=true\n\
\n\
ibm.mq.queueManager: MQPRD01\n\
ibm.mq.channel: ORDERS.SVRCONN\n\
ibm.mq.connName: mqprd01.example(1414)\n\
\n\
Caused by: com.ibm.mq.MQException: JMSCMQ0001: IBM MQ call failed with compcode '2' ('MQCC_FAILED') reason '2397' ('MQRC_JSSE_ERROR').\n";
    let ticket = read(text, "2026-11-30T10:00:00Z");
    let unread: Vec<usize> = ticket
        .unread
        .iter()
        .flat_map(|(first, last)| *first..=*last)
        .collect();
    for line in [2, 4, 5, 6, 8] {
        assert!(
            !unread.contains(&line),
            "line {line} is listed unread: {unread:?}"
        );
    }
    assert!(
        unread.contains(&1),
        "the prose line is not read: {unread:?}"
    );
    assert!(
        ticket.filed.iter().any(|f| f
            == "JVM revocation settings: com.sun.net.ssl.checkRevocation=true, ocsp.enable=true"),
        "{:#?}",
        ticket.filed
    );
}
