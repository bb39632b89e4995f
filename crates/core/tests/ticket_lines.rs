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

/// An entry cut off after its header (grep -A, a partial copy) has no message: the prose after
/// it is read as prose (its reason code counts), and a PEM block never joins it.
#[test]
fn an_entry_cut_after_its_header_does_not_swallow_what_follows() {
    let text = "11/30/2026 04:40:12 PM - Process(48213.1) User(orders) Program(orders-svc)\n\
                    Host(appl07) Installation(MQNI93)\n\
                    VRMF(9.3.0.5)\n\
                    ArithInsert1(2393) ArithInsert2(0)\n\
\n\
MQCONNX reason 2393 on channel ORDERS.SVRCONN.\n";
    let ticket = read(text, "2026-11-30T10:00:00Z");
    assert!(
        ticket
            .observed
            .reasons
            .iter()
            .any(|r| r.code == 2393 && r.line == 6),
        "{:?}",
        ticket.observed.reasons
    );
    let [entry] = ticket.entries.as_slice() else {
        panic!("{:?}", ticket.entries.len())
    };
    assert_eq!(entry.lines.0, 1);
    assert!(entry.lines.1 <= 5, "{:?}", entry.lines);
}

/// A client log in local time (an MQ 8 header has no `Time(…)`) an hour east of a queue manager
/// whose log is stamped in UTC: the evaluation time is the UTC one, not the local one taken as UTC.
#[test]
fn a_utc_stamped_entry_sets_the_evaluation_time_over_a_local_one() {
    let text = "Client (Frankfurt):\n\
01.12.2026 07:10:02 - Process(4412.1) User(svc) Program(lvs.exe)\n\
                    Host(FRA) Installation(Installation1)\n\
                    VRMF(8.0.0.15)\n\
AMQ9665: SSL connection closed by remote end of channel 'ORDERS.SVRCONN'.\n\
\n\
Queue manager (London):\n\
12/01/2026 06:10:02 AM - Process(2290.1) User(mqm) Program(amqrmppa)\n\
                    Host(mqprd01) Installation(Installation1)\n\
                    VRMF(9.3.0.20) QMgr(MQPRD01)\n\
                    Time(2026-12-01T06:10:02.219Z)\n\
AMQ9633E: Bad SSL certificate for channel 'ORDERS.SVRCONN'.\n";
    let ticket = read(text, "2026-12-02T00:00:00Z");
    assert_eq!(ticket.case.at, "2026-12-01T06:10:02Z");
}
